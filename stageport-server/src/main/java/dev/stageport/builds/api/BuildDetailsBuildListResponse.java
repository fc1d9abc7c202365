package dev.stageport.builds.api;

import java.util.List;

public record BuildDetailsBuildListResponse(List<BuildDetails> builds) {
}
