package dev.stageport.assets;

import dev.stageport.assets.api.AssetIcon;
import dev.stageport.assets.api.AssetMetadata;
import dev.stageport.assets.api.AssetRevisionV1ListResponse;
import dev.stageport.assets.api.AssetSignature;
import dev.stageport.assets.api.AssetSourceCode;
import dev.stageport.identity.Caller;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Asset repository API: a revision's source code, signature, icon and metadata, and the search;
 * plus Stageport's downloads of the bundle and the icon those answers point to.
 */
@RestController
public class RevisionResourcesController {

    private static final String REVISION = "/api/asset-repository/v1/assets/{assetKey}/revisions/{revisionNumber}";
    private static final String DOWNLOAD = "/api/stageport/v1/assets/{assetKey}/revisions/{revisionNumber}";

    private final RevisionResources resources;

    public RevisionResourcesController(RevisionResources resources) {
        this.resources = resources;
    }

    @GetMapping(REVISION + "/source-code")
    AssetSourceCode sourceCode(Caller caller, @PathVariable String assetKey, @PathVariable int revisionNumber) {
        return resources.sourceCode(caller, assetKey, revisionNumber);
    }

    @GetMapping(REVISION + "/signature")
    AssetSignature signature(Caller caller, @PathVariable String assetKey, @PathVariable int revisionNumber) {
        return resources.signature(caller, assetKey, revisionNumber);
    }

    @GetMapping(REVISION + "/metadata")
    AssetMetadata metadata(Caller caller, @PathVariable String assetKey, @PathVariable int revisionNumber) {
        return resources.metadata(caller, assetKey, revisionNumber);
    }

    @GetMapping(REVISION + "/icon")
    AssetIcon icon(Caller caller, @PathVariable String assetKey, @PathVariable int revisionNumber) {
        return resources.icon(caller, assetKey, revisionNumber);
    }

    @PostMapping("/api/asset-repository/v1/assets/search")
    AssetRevisionV1ListResponse search(Caller caller, @RequestBody(required = false) JsonNode body) {
        return resources.search(caller, body);
    }

    @GetMapping(DOWNLOAD + "/bundle")
    ResponseEntity<Resource> bundle(Caller caller, @PathVariable String assetKey, @PathVariable int revisionNumber) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + assetKey + "-" + revisionNumber
                        + ".zip\"")
                .body(new FileSystemResource(resources.bundle(caller, assetKey, revisionNumber)));
    }

    @GetMapping(DOWNLOAD + "/icon")
    ResponseEntity<byte[]> iconFile(Caller caller, @PathVariable String assetKey, @PathVariable int revisionNumber) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .body(resources.iconBytes(caller, assetKey, revisionNumber));
    }
}
