package dev.stageport.deployments;

import dev.stageport.identity.Caller;
import dev.stageport.web.CancelRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Stageport's cancel of a running deployment operation (not part of the ODC API). */
@RestController
public class DeploymentCancelController {

    private final DeploymentService service;

    public DeploymentCancelController(DeploymentService service) {
        this.service = service;
    }

    @PostMapping("/api/stageport/v1/deployment-operations/{operationKey}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void cancel(Caller caller, @PathVariable String operationKey,
                       @RequestBody(required = false) CancelRequest body) {
        service.cancel(caller, operationKey, body);
    }
}
