package dev.stageport.builds.api;

import java.util.List;

public record BuildFeedbackDetailsResponse(List<BuildFeedbackDetails> results) {
}
