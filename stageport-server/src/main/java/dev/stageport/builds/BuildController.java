package dev.stageport.builds;

import dev.stageport.builds.api.BuildDetails;
import dev.stageport.builds.api.BuildDetailsBuildListResponse;
import dev.stageport.builds.api.BuildFeedbackDetailsResponse;
import dev.stageport.identity.Caller;
import dev.stageport.builds.api.BuildOperationDetails;
import dev.stageport.builds.api.BuildResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Build operations API: start a build, find the builds of a revision, read one build and its log. */
@RestController
@RequestMapping("/api/builds/v1/build-operations")
public class BuildController {

    private final BuildService builds;

    public BuildController(BuildService builds) {
        this.builds = builds;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BuildResponse start(Caller caller, @RequestBody(required = false) BuildOperationDetails body) {
        return builds.start(caller, body);
    }

    @GetMapping
    BuildDetailsBuildListResponse list(Caller caller, @RequestParam(required = false) String assetKey,
                                       @RequestParam(required = false) Integer assetRevision,
                                       @RequestParam(required = false) Build.BuildType byBuildType) {
        return builds.list(caller, assetKey, assetRevision, byBuildType);
    }

    @GetMapping("/{operationKey}")
    BuildDetails get(Caller caller, @PathVariable String operationKey) {
        return builds.get(caller, operationKey);
    }

    @GetMapping("/{operationKey}/log-messages")
    BuildFeedbackDetailsResponse logMessages(Caller caller, @PathVariable String operationKey) {
        return builds.logMessages(caller, operationKey);
    }
}
