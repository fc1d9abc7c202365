package dev.stageport.identity;

import dev.stageport.identity.api.ConsoleUserListResponse;
import dev.stageport.identity.api.ConsoleUserPatch;
import dev.stageport.identity.api.ConsoleUserRequest;
import dev.stageport.identity.api.ConsoleUserResponse;
import dev.stageport.identity.api.PermissionsRequest;
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

/** Stageport's API for the people who sign in to the web console (docs/console.md). */
@RestController
@RequestMapping("/api/stageport/v1/console-users")
public class ConsoleUserController {

    private final ConsoleUserService service;

    public ConsoleUserController(ConsoleUserService service) {
        this.service = service;
    }

    @GetMapping
    ConsoleUserListResponse list(Caller caller) {
        return new ConsoleUserListResponse(service.list(caller));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ConsoleUserResponse create(Caller caller, @RequestBody ConsoleUserRequest request) {
        return service.create(caller, request);
    }

    @GetMapping("/{username}")
    ConsoleUserResponse get(Caller caller, @PathVariable String username) {
        return service.get(caller, username);
    }

    @PatchMapping("/{username}")
    ConsoleUserResponse edit(Caller caller, @PathVariable String username, @RequestBody ConsoleUserPatch patch) {
        return service.edit(caller, username, patch);
    }

    @PutMapping("/{username}/permissions")
    ConsoleUserResponse permissions(Caller caller, @PathVariable String username,
                                    @RequestBody PermissionsRequest request) {
        return service.setPermissions(caller, username, request.permissions());
    }

    @PostMapping("/{username}/suspend")
    ConsoleUserResponse suspend(Caller caller, @PathVariable String username) {
        return service.setSuspended(caller, username, true);
    }

    @PostMapping("/{username}/resume")
    ConsoleUserResponse resume(Caller caller, @PathVariable String username) {
        return service.setSuspended(caller, username, false);
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String username) {
        service.delete(caller, username);
    }
}
