package dev.stageport.identity;

import dev.stageport.identity.api.ApiClientListResponse;
import dev.stageport.identity.api.ApiClientPatch;
import dev.stageport.identity.api.ApiClientRequest;
import dev.stageport.identity.api.ApiClientResponse;
import dev.stageport.identity.api.PermissionsRequest;
import dev.stageport.identity.api.SecretRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Stageport's own API for managing API clients (ODC does this in its portal). */
@RestController
@RequestMapping("/api/stageport/v1/api-clients")
public class ApiClientController {

    private final ApiClientService service;

    public ApiClientController(ApiClientService service) {
        this.service = service;
    }

    @GetMapping
    ApiClientListResponse list(Caller caller) {
        return new ApiClientListResponse(service.list(caller));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiClientResponse create(Caller caller, @RequestBody ApiClientRequest request) {
        return service.create(caller, request);
    }

    @GetMapping("/{clientId}")
    ApiClientResponse get(Caller caller, @PathVariable String clientId) {
        return service.get(caller, clientId);
    }

    @PatchMapping("/{clientId}")
    ApiClientResponse edit(Caller caller, @PathVariable String clientId, @RequestBody ApiClientPatch patch) {
        return service.edit(caller, clientId, patch);
    }

    @PutMapping("/{clientId}/permissions")
    ApiClientResponse permissions(Caller caller, @PathVariable String clientId,
                                  @RequestBody PermissionsRequest request) {
        return service.setPermissions(caller, clientId, request.permissions());
    }

    @PostMapping("/{clientId}/suspend")
    ApiClientResponse suspend(Caller caller, @PathVariable String clientId) {
        return service.setSuspended(caller, clientId, true);
    }

    @PostMapping("/{clientId}/resume")
    ApiClientResponse resume(Caller caller, @PathVariable String clientId) {
        return service.setSuspended(caller, clientId, false);
    }

    @PostMapping("/{clientId}/secret")
    ApiClientResponse regenerateSecret(Caller caller, @PathVariable String clientId,
                                       @RequestBody(required = false) SecretRequest request) {
        return service.regenerateSecret(caller, clientId, request == null ? null : request.secretExpiresAt());
    }

    @DeleteMapping("/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String clientId) {
        service.delete(caller, clientId);
    }
}
