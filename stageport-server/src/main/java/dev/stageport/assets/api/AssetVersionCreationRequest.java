package dev.stageport.assets.api;


/**
 * Options of POST /assets: as JSON body (with {@code fileUri} from POST /uploads)
 * or as the {@code creationRequest} part next to {@code assetFile}. Templates
 * ({@code assetCreationDetails}) are not supported; the field is read to refuse it.
 */
public record AssetVersionCreationRequest(
        String tag,
        String releaseNotes,
        Boolean skipSequentialVersionValidation,
        String commitMessage,
        String portfolioKey,
        String fileUri,
        Object assetCreationDetails) {
}
