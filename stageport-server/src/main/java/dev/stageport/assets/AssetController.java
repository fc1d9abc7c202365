package dev.stageport.assets;

import dev.stageport.assets.api.AssetReleaseNoteContent;
import dev.stageport.assets.api.AssetRevisionV1;
import dev.stageport.assets.api.AssetRevisionV1PagedListResponse;
import dev.stageport.identity.Caller;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Asset repository API: read assets and their revisions, tag them, delete assets (uploads: AssetUploadController). */
@RestController
@RequestMapping("/api/asset-repository/v1/assets")
public class AssetController {

    private final AssetService assets;
    private final AssetReleaseService releases;

    public AssetController(AssetService assets, AssetReleaseService releases) {
        this.assets = assets;
        this.releases = releases;
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

    @GetMapping("/{assetKey}/highest-tag-revision")
    AssetRevisionV1 highestTagged(Caller caller, @PathVariable String assetKey,
                                  @RequestParam(required = false) List<String> embed) {
        return releases.highestTagged(caller, assetKey, embed);
    }

    @GetMapping("/{assetKey}/revisions/{revisionNumber}/release-notes")
    AssetReleaseNoteContent releaseNotes(Caller caller, @PathVariable String assetKey,
                                         @PathVariable int revisionNumber) {
        return releases.releaseNotes(caller, assetKey, revisionNumber);
    }

    @PatchMapping("/{assetKey}/revisions/{revisionNumber}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void patch(Caller caller, @PathVariable String assetKey, @PathVariable int revisionNumber,
               @RequestBody(required = false) JsonNode body) {
        releases.patch(caller, assetKey, revisionNumber, body);
    }

    @DeleteMapping("/{assetKey}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable String assetKey) {
        releases.delete(caller, assetKey);
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
