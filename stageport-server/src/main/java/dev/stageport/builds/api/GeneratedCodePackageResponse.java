package dev.stageport.builds.api;

import java.util.List;

/** GET .../generated-code: the packaging's status and, once Finished, where to download the package. */
public record GeneratedCodePackageResponse(String status, String uri, List<GeneratedCodePackagingError> errors) {
}
