package dev.stageport.demo;

import dev.stageport.deployments.DeploymentOperationRequest;
import dev.stageport.deployments.DeploymentOperationResponse;
import dev.stageport.deployments.DeploymentOperationsType;
import dev.stageport.deployments.DeploymentService;
import dev.stageport.identity.Caller;
import dev.stageport.identity.Permission;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On first start the demo app's revision 1 is deployed to Development, through
 * the same code path as an API request, so the demo shows a real operation with
 * messages instead of a pre-filled row.
 */
@Component
class DemoDeployment implements DemoSeeder.DemoSeeded {

    static final String DEMO_CLIENT = "stageport-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoDeployment.class);

    private final DeploymentService service;

    DemoDeployment(DeploymentService service) {
        this.service = service;
    }

    @Override
    public void demoSeeded() {
        Caller demo = new Caller(DEMO_CLIENT, Map.of(Permission.DEPLOY_APPS, Set.of(DemoData.DEVELOPMENT),
                Permission.STAGE_VIEW, Set.of(DemoData.DEVELOPMENT)));
        DeploymentOperationResponse op = service.create(demo, new DeploymentOperationRequest(
                DeploymentOperationsType.Deploy, UUID.fromString(DemoData.APP),
                UUID.fromString(DemoData.BUILD_REV1_RELEASE), 1, UUID.fromString(DemoData.DEVELOPMENT)));
        log.info("Deploying the demo app to Development (operation {}).", op.key());
    }
}
