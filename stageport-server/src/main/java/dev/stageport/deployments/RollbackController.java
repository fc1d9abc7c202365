package dev.stageport.deployments;

import dev.stageport.identity.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Stageport's rollback: one Deploy of an earlier deployment's build with the configuration it ran with. */
@RestController
public class RollbackController {

    private final RollbackService service;

    public RollbackController(RollbackService service) {
        this.service = service;
    }

    @PostMapping("/api/stageport/v1/environments/{environmentKey}/assets/{assetKey}/rollback")
    @ResponseStatus(HttpStatus.CREATED)
    public DeploymentOperationResponse rollback(Caller caller, @PathVariable String environmentKey,
                                                @PathVariable String assetKey,
                                                @RequestBody(required = false) RollbackRequest body,
                                                @RequestHeader(name = DeploymentController.FREEZE_OVERRIDE,
                                                        required = false) String freezeOverride) {
        return service.rollback(caller, environmentKey, assetKey, body, freezeOverride);
    }
}
