package dev.stageport.deployments;

import dev.stageport.identity.Caller;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The ODC Deployments API, deployment operations part. Rules live in {@link DeploymentService}. */
@RestController
@RequestMapping("/api/deployments/v1/deployment-operations")
public class DeploymentController {

    /** Stageport's header for starting an operation during a freeze window; its value says why. */
    static final String FREEZE_OVERRIDE = "Stageport-Freeze-Override";

    private final DeploymentService service;
    private final OperationFollowers followers;

    public DeploymentController(DeploymentService service, OperationFollowers followers) {
        this.service = service;
        this.followers = followers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public DeploymentOperationResponse create(Caller caller,
                                              @RequestBody(required = false) DeploymentOperationRequest body,
                                              @RequestHeader(name = FREEZE_OVERRIDE, required = false)
                                              String freezeOverride,
                                              jakarta.servlet.http.HttpServletRequest request) {
        if (freezeOverride != null) {
            dev.stageport.audit.AuditReason.note(request, "freeze override: " + freezeOverride);
        }
        return service.create(caller, body, freezeOverride);
    }

    @GetMapping("/{operationKey}")
    public Object get(Caller caller, @PathVariable String operationKey,
                      @RequestParam(required = false) Integer waitSeconds) {
        if (waitSeconds != null) {
            return followers.await(caller, operationKey, waitSeconds);
        }
        // already-serialized bytes: the status of a finished operation is cached (StatusResponses)
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(service.statusJson(caller,
                operationKey));
    }

    /** Stageport's push: a server-sent event stream of the operation's messages and status. */
    @GetMapping(value = "/{operationKey}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter events(Caller caller, @PathVariable String operationKey,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        return followers.stream(caller, operationKey, lastEventId);
    }

    @GetMapping("/{operationKey}/messages")
    public StringMessageDetailsV1TaskProgressMessagePagedListResponse messages(
            Caller caller, @PathVariable String operationKey,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String offset) {
        return service.messages(caller, operationKey, limit, offset);
    }

    @GetMapping
    public Int32NullableDeploymentOperationResponsePagedListResponse list(
            Caller caller,
            @RequestParam(required = false) String environmentKey,
            @RequestParam(required = false) OperationStatus status,
            @RequestParam(required = false) String assetKey,
            @RequestParam(required = false) Integer revision,
            @RequestParam(required = false) String portfolioKey,
            @RequestParam(required = false) List<DeploymentOperationsType> operations,
            @RequestParam(required = false) String createdDateSince,
            @RequestParam(required = false) String createdDateTo,
            @RequestParam(required = false) String permissionFilter,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) String sort) {
        return service.list(caller, new ListRequest(environmentKey, status, assetKey, revision, portfolioKey,
                operations, createdDateSince, createdDateTo, permissionFilter, limit, offset, sort));
    }
}
