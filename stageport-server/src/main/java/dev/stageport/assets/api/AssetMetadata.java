package dev.stageport.assets.api;

import java.util.List;

/** GET .../metadata; fields for asset kinds Stageport does not have (templates, plugins) stay absent. */
public record AssetMetadata(String templateType, String toolVersion, String runtime, List<String> mobileFrameworks,
                            String assemblyVersion, String assemblyName, String urlPath, boolean isDeployable,
                            boolean isBuiltInAsset, String commitMessage) {
}
