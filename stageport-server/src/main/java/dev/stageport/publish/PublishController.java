package dev.stageport.publish;

import dev.stageport.deployments.ListRequest;
import dev.stageport.deployments.OperationStatus;
import dev.stageport.deployments.StringMessageDetailsV1TaskProgressMessagePagedListResponse;
import dev.stageport.identity.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The ODC Deployments API, publish operations part. Rules live in {@link PublishService}. */
@RestController
@RequestMapping("/api/deployments/v1/publish-operations")
public class PublishController {

    private final PublishService service;

    public PublishController(PublishService service) {
        this.service = service;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public PublishOperationResponse create(Caller caller, @RequestBody(required = false) PublishOperationRequest body) {
        return service.create(caller, body);
    }

    @GetMapping("/{operationKey}")
    public PublishOperationResponse get(Caller caller, @PathVariable String operationKey) {
        return service.get(caller, operationKey);
    }

    @GetMapping("/{operationKey}/messages")
    public StringMessageDetailsV1TaskProgressMessagePagedListResponse messages(
            Caller caller, @PathVariable String operationKey,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String offset) {
        return service.messages(caller, operationKey, limit, offset);
    }

    @GetMapping
    public Int32NullablePublishOperationResponsePagedListResponse list(
            Caller caller,
            @RequestParam(required = false) String environmentKey,
            @RequestParam(required = false) OperationStatus status,
            @RequestParam(required = false) Integer revision,
            @RequestParam(required = false) String assetKey,
            @RequestParam(required = false) String portfolioKey,
            @RequestParam(required = false) String createdDateSince,
            @RequestParam(required = false) String createdDateTo,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) String sort) {
        return service.list(caller, new ListRequest(environmentKey, status, assetKey, revision, portfolioKey, null,
                createdDateSince, createdDateTo, null, limit, offset, sort));
    }
}
