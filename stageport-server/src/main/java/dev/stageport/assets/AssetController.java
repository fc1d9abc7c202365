package dev.stageport.assets;

import dev.stageport.assets.api.AssetRevisionV1;
import dev.stageport.assets.api.AssetRevisionV1PagedListResponse;
import dev.stageport.identity.Caller;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Asset repository API: read assets and their revisions. */
@RestController
@RequestMapping("/api/asset-repository/v1/assets")
public class AssetController {

    private final AssetService assets;

    public AssetController(AssetService assets) {
        this.assets = assets;
    }

    @GetMapping
    AssetRevisionV1PagedListResponse list(Caller caller,
                                          @RequestParam(required = false) String nameContains,
                                          @RequestParam(required = false) String nameOrDescriptionContains,
                                          @RequestParam(required = false) List<String> assetTypes,
                                          @RequestParam(required = false) List<String> assetKeys,
                                          @RequestParam(required = false) List<String> portfolioKeys,
                                          @RequestParam(required = false) List<String> embed,
                                          @RequestParam(name = "metadata.isDeployable", required = false)
                                          Boolean deployable,
                                          @RequestParam(required = false) Boolean isExternal,
                                          @RequestParam(required = false) String sort,
                                          @RequestParam(required = false) Integer limit,
                                          @RequestParam(required = false) Integer offset) {
        return assets.list(caller, new AssetService.AssetQuery(nameContains, nameOrDescriptionContains, assetTypes,
                assetKeys, portfolioKeys, deployable, isExternal, sort, embed, limit, offset));
    }

    @GetMapping({"/{assetKey}", "/{assetKey}/latest-revision"})
    AssetRevisionV1 latest(Caller caller, @PathVariable String assetKey,
                           @RequestParam(required = false) List<String> embed) {
        return assets.latest(caller, assetKey, embed);
    }

    @GetMapping("/{assetKey}/revisions/{revisionNumber}")
    AssetRevisionV1 revision(Caller caller, @PathVariable String assetKey, @PathVariable int revisionNumber,
                             @RequestParam(required = false) List<String> embed) {
        return assets.revision(caller, assetKey, revisionNumber, embed);
    }

    @GetMapping("/{assetKey}/revisions")
    AssetRevisionV1PagedListResponse revisions(Caller caller, @PathVariable String assetKey,
                                               @RequestParam(required = false) String modelDigest,
                                               @RequestParam(required = false) Instant revisionDateTimeSince,
                                               @RequestParam(required = false) Instant revisionDateTimeTo,
                                               @RequestParam(required = false) Boolean isTagged,
                                               @RequestParam(required = false) String tag,
                                               @RequestParam(required = false) String sort,
                                               @RequestParam(required = false) String commitMessage,
                                               @RequestParam(required = false) List<String> embed,
                                               @RequestParam(required = false) Integer limit,
                                               @RequestParam(required = false) Integer offset) {
        return assets.revisions(caller, assetKey, new RevisionFilter(revisionDateTimeSince, revisionDateTimeTo,
                isTagged, tag, modelDigest, commitMessage, null), sort, embed, limit, offset);
    }
}
