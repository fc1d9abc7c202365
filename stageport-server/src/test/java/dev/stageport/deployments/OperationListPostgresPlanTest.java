package dev.stageport.deployments;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stageport.support.ServerTest;
import dev.stageport.support.TestDatabase;
import dev.stageport.web.Paging;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * On PostgreSQL, every filter of the operation list reads its page in order from an index, on
 * the first page and at offset 5,000, instead of reading the table or sorting the matches: the
 * planner decides by statistics, so the check runs on a database of its own holding enough
 * history (the bench's distribution: 101 assets, 3 stages, one in twenty failed) to plan as
 * it does at millions of rows (docs/benchmarks.md, history).
 */
@Tag(ServerTest.DATABASE)
class OperationListPostgresPlanTest {

    private static final int ROWS = 200_000;
    private static final String ASSET = "a0000000-0000-4000-8000-000000000007";
    private static final String STAGE = "d0000000-0000-4000-8000-000000000001";
    private static final String PORTFOLIO = "f0000000-0000-4000-8000-000000000001";

    private static JdbcClient jdbc;

    @BeforeAll
    static void history() {
        assumeTrue(TestDatabase.postgresql(), "H2's plans are checked by OperationListPlanTest");
        Map<String, String> db = TestDatabase.properties("history_plans");
        DriverManagerDataSource source = new DriverManagerDataSource(db.get("stageport.db.url"),
                db.get("stageport.db.user"), db.get("stageport.db.password"));
        Flyway.configure().dataSource(source).load().migrate();
        jdbc = JdbcClient.create(source);
        jdbc.sql("delete from deployment_operation").update();
        jdbc.sql("""
                insert into deployment_operation (op_key, operation, asset_key, asset_name, revision, build_key,
                    env_key, portfolio_key, status, started_at, finished_at, updated_at, deployed_by, attempts,
                    version)
                select gen_random_uuid()::text, case x % 10 when 0 then 'Undeploy' when 1 then 'ApplyConfigs'
                           else 'Deploy' end,
                       'a0000000-0000-4000-8000-' || lpad((x % 101)::text, 12, '0'),
                       'App ' || lpad((x % 101)::text, 3, '0'), 1 + x % 5, gen_random_uuid()::text,
                       'd0000000-0000-4000-8000-' || lpad((1 + x / 101 % 3)::text, 12, '0'), ?,
                       case when x % 20 = 0 then 'FinishedWithError' else 'Finished' end,
                       timestamptz '2026-01-01 00:00:00+00' - x * interval '30 seconds',
                       timestamptz '2026-01-01 00:00:20+00' - x * interval '30 seconds',
                       timestamptz '2026-01-01 00:00:20+00' - x * interval '30 seconds', 'plan-test', 1, 3
                from generate_series(1, ?) as g(x)""").params(PORTFOLIO, ROWS).update();
        jdbc.sql("analyze deployment_operation").update();
    }

    private static OperationQuery query(Set<String> visible, String stage, OperationStatus status, String asset,
            Integer revision, String portfolio, List<DeploymentOperationsType> operations, Instant since,
            Instant to, String sort, int offset) {
        return new OperationQuery(visible, stage, status, asset, revision, portfolio, operations, since, to,
                OperationSort.parse(sort), new Paging(100, offset));
    }

    /** The bench's queries (HistoryQueries), by name, at this offset. */
    private static Map<String, OperationQuery> queries(int offset) {
        Map<String, OperationQuery> q = new LinkedHashMap<>();
        q.put("none", query(null, null, null, null, null, null, null, null, null, null, offset));
        q.put("environmentKey", query(null, STAGE, null, null, null, null, null, null, null, null, offset));
        q.put("status", query(null, null, OperationStatus.FinishedWithError, null, null, null, null, null, null,
                null, offset));
        q.put("assetKey", query(null, null, null, ASSET, null, null, null, null, null, null, offset));
        q.put("portfolioKey", query(null, null, null, null, null, PORTFOLIO, null, null, null, null, offset));
        q.put("operations", query(null, null, null, null, null, null, List.of(DeploymentOperationsType.Undeploy),
                null, null, null, offset));
        q.put("createdDate", query(null, null, null, null, null, null, null,
                Instant.parse("2025-12-30T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), null, offset));
        q.put("permissionFilter", query(Set.of(STAGE), null, null, null, null, null, null, null, null, null,
                offset));
        q.put("sort by name", query(null, null, null, null, null, null, null, null, null, "AssetName,-CreatedAt",
                offset));
        return q;
    }

    private static String plan(OperationQuery q) {
        List<Object> params = new ArrayList<>();
        String sql = DeploymentRepository.listSql(q, params);
        return String.join("\n", jdbc.sql("explain " + sql).params(params).query(String.class).list());
    }

    private static void readInIndexOrder(Map<String, OperationQuery> queries, int offset) {
        SoftAssertions.assertSoftly(soft -> queries.forEach((name, q) -> soft.assertThat(plan(q))
                .as("%s at offset %d", name, offset)
                .contains("Index Scan").doesNotContain("Sort").doesNotContain("Seq Scan")));
    }

    @Test
    void everyFiltersFirstPageIsReadInIndexOrderWithoutSortingOrScanningTheTable() {
        Map<String, OperationQuery> first = queries(0);
        first.put("revision", query(null, null, null, ASSET, 2, null, null, null, null, null, 0));
        readInIndexOrder(first, 0);
    }

    @Test
    void deepPagesAreReadInIndexOrderToo() {
        Map<String, OperationQuery> deep = queries(5000);
        // one asset's history here (2,000 rows) is shorter than the offset: the planner rightly reads
        // and sorts those few rows; at 1 M and 10 M rows it reads the asset index in order (docs/benchmarks.md)
        deep.remove("assetKey");
        readInIndexOrder(deep, 5000);
    }
}
