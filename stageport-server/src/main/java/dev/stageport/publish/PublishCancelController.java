package dev.stageport.publish;

import dev.stageport.identity.Caller;
import dev.stageport.web.CancelRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Stageport's cancel of a running publish operation (not part of the ODC API). */
@RestController
public class PublishCancelController {

    private final PublishService service;

    public PublishCancelController(PublishService service) {
        this.service = service;
    }

    @PostMapping("/api/stageport/v1/publish-operations/{operationKey}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void cancel(Caller caller, @PathVariable String operationKey,
                       @RequestBody(required = false) CancelRequest body) {
        service.cancel(caller, operationKey, body);
    }
}
