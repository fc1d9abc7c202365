package dev.stageport.assets;

import dev.stageport.assets.api.ApplicationVersion;
import dev.stageport.assets.api.AssetVersionCreationRequest;
import dev.stageport.assets.api.UploadsResponse;
import dev.stageport.identity.Caller;
import dev.stageport.errors.ApiException;
import dev.stageport.errors.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * POST /assets in its three forms (raw zip, multipart with a disk-backed file
 * part, JSON naming an upload URL) and the upload URLs of POST /uploads. Request
 * bodies here are streamed, never buffered: see web/StreamedUploads.
 */
@RestController
@RequestMapping("/api/asset-repository/v1")
public class AssetUploadController {

    /** Tag, release notes (20,000 characters) and commit message fit easily. */
    static final long MAX_CREATION_REQUEST_BYTES = 64 * 1024;

    private final AssetUploadService uploads;
    private final UploadUrlService urls;
    private final AssetService reads;
    private final ObjectMapper json;

    public AssetUploadController(AssetUploadService uploads, UploadUrlService urls, AssetService reads,
                                 ObjectMapper json) {
        this.uploads = uploads;
        this.urls = urls;
        this.reads = reads;
        this.json = json;
    }

    @PostMapping(path = "/assets", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationVersion createFromBody(Caller caller, HttpServletRequest request) throws IOException {
        if (request.getContentType() == null) {
            // Spring treats a missing Content-Type as octet-stream; a bundle upload must say what it sends
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the bundle zip with Content-Type"
                    + " application/octet-stream or as multipart/form-data part 'assetFile'.");
        }
        uploads.checkDeclaredSize(request.getContentLengthLong());
        try (InputStream body = request.getInputStream()) {
            return version(uploads.upload(caller, body, UploadOptions.NONE, caller.clientId()));
        }
    }

    @PostMapping(path = "/assets", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationVersion createFromParts(Caller caller,
                                       @RequestPart(name = "creationRequest", required = false)
                                       Part creationRequestPart,
                                       @RequestPart(name = "assetFile", required = false) MultipartFile assetFile)
            throws IOException {
        AssetVersionCreationRequest creationRequest = creationRequest(creationRequestPart);
        UploadOptions options = options(creationRequest);
        if (assetFile == null) {
            if (creationRequest != null && creationRequest.fileUri() != null) {
                return version(urls.createRevision(caller, creationRequest.fileUri(), options));
            }
            throw ApiException.badRequest("The multipart body needs an 'assetFile' part holding the bundle zip.");
        }
        // the part lies on disk (file-size-threshold 0); its stream reads from there
        try (InputStream body = assetFile.getInputStream()) {
            return version(uploads.upload(caller, body, options, caller.clientId()));
        }
    }

    @PostMapping(path = "/assets", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationVersion createFromUpload(Caller caller, @RequestBody AssetVersionCreationRequest request) {
        if (request == null || request.fileUri() == null) {
            throw ApiException.badRequest("Stageport creates revisions from bundles only: send the zip as"
                    + " application/octet-stream or multipart 'assetFile', or set 'fileUri' to an upload URL"
                    + " from POST /uploads.");
        }
        return version(urls.createRevision(caller, request.fileUri(), options(request)));
    }

    @PostMapping("/uploads")
    @ResponseStatus(HttpStatus.CREATED)
    UploadsResponse createUpload(Caller caller) {
        String path = urls.create(caller);
        return new UploadsResponse(ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString());
    }

    /** The upload URL itself: no bearer token, the secret in the path is the authorisation. */
    @PutMapping("/uploads/{token}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void receive(@PathVariable String token, HttpServletRequest request) throws IOException {
        uploads.checkDeclaredSize(request.getContentLengthLong());
        try (InputStream body = request.getInputStream()) {
            urls.receive(token, body);
        }
    }

    /**
     * The creationRequest part is parsed here rather than by a message converter, so a
     * part sent without a Content-Type (curl -F 'creationRequest={...}') works as well as
     * one marked JSON, and a huge part is refused instead of being read into memory.
     */
    private AssetVersionCreationRequest creationRequest(Part part) throws IOException {
        if (part == null || part.getSize() == 0) {
            return null;
        }
        if (part.getSize() > MAX_CREATION_REQUEST_BYTES) {
            throw ApiException.badRequest("The 'creationRequest' part may hold at most " + MAX_CREATION_REQUEST_BYTES
                    + " bytes.");
        }
        try (InputStream in = part.getInputStream()) {
            return json.readValue(in, AssetVersionCreationRequest.class);
        } catch (JacksonException e) {
            throw ApiException.badRequest("The 'creationRequest' part is not a valid AssetVersionCreationRequest: "
                    + e.getOriginalMessage());
        }
    }

    private static UploadOptions options(AssetVersionCreationRequest request) {
        if (request == null) {
            return UploadOptions.NONE;
        }
        if (request.assetCreationDetails() != null) {
            throw ApiException.badRequest("'assetCreationDetails' (templates) is not supported; upload a bundle.");
        }
        return new UploadOptions(request.tag(), request.releaseNotes(), request.commitMessage(),
                request.portfolioKey(), Boolean.TRUE.equals(request.skipSequentialVersionValidation()));
    }

    private ApplicationVersion version(AssetRevision r) {
        return reads.applicationVersion(r);
    }
}
