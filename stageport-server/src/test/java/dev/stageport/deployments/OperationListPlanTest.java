package dev.stageport.deployments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.stageport.support.ServerTest;
import dev.stageport.support.TestDatabase;
import dev.stageport.web.Paging;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The filtered operation list reads its rows in order from an index instead of sorting them. */
class OperationListPlanTest extends ServerTest {

    @Autowired
    JdbcClient jdbc;

    private static OperationQuery query(OperationStatus status, String assetKey,
            List<DeploymentOperationsType> operations, String sort) {
        return new OperationQuery(null, null, status, assetKey, null, null, operations, null, null,
                OperationSort.parse(sort), new Paging(100, 5000));
    }

    private String plan(OperationQuery q) {
        List<Object> params = new ArrayList<>();
        String sql = DeploymentRepository.listSql(q, params);
        return String.join("\n", jdbc.sql("explain " + sql).params(params).query(String.class).list());
    }

    @Test
    void singleValuedFilterLeadsTheNewestFirstOrder() {
        assertThat(query(OperationStatus.FinishedWithError, null, null, null).orderBy())
                .isEqualTo("status asc, started_at desc, op_key asc");
        assertThat(query(OperationStatus.Finished, "a1", null, "-CreatedAt").orderBy())
                .isEqualTo("asset_key asc, started_at desc, op_key asc");
        assertThat(query(null, null, List.of(DeploymentOperationsType.Undeploy), null).orderBy())
                .isEqualTo("operation asc, started_at desc, op_key asc");
    }

    @Test
    void otherOrdersAndMultiValuedFiltersKeepTheirOrderBy() {
        assertThat(query(OperationStatus.Finished, null, null, "CreatedAt").orderBy())
                .isEqualTo("started_at asc, op_key asc");
        assertThat(query(null, null, List.of(DeploymentOperationsType.Deploy, DeploymentOperationsType.Undeploy),
                null).orderBy()).isEqualTo("started_at desc, op_key asc");
        assertThat(query(null, null, null, "AssetName,-CreatedAt").orderBy())
                .isEqualTo("asset_name asc, started_at desc, op_key asc");
    }

    @Test
    void statusAssetOperationAndStageFiltersReadAnIndexInOrderOnTheEmbeddedDatabase() {
        assumeFalse(TestDatabase.postgresql(), "PostgreSQL plans small tables with a sort; H2 decides by index shape");
        assertThat(plan(query(OperationStatus.FinishedWithError, null, null, null)))
                .contains("deployment_operation_by_status_recent").contains("/* index sorted */");
        assertThat(plan(query(null, "a1000000-0000-4000-8000-000000000001", null, null)))
                .contains("deployment_operation_by_asset_recent").contains("/* index sorted */");
        assertThat(plan(query(null, null, List.of(DeploymentOperationsType.Undeploy), null)))
                .contains("deployment_operation_by_operation_recent").contains("/* index sorted */");
        assertThat(plan(query(null, null, null, null)))
                .contains("deployment_operation_by_recent").contains("/* index sorted */");
        OperationQuery oneStage = new OperationQuery(null, "d0000000-0000-4000-8000-000000000002", null, null, null,
                null, null, null, null, OperationSort.parse(null), new Paging(100, 5000));
        assertThat(plan(oneStage)).contains("deployment_operation_by_recent").contains("/* index sorted */");
    }
}
