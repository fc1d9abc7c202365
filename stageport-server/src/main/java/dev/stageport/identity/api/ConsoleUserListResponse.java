package dev.stageport.identity.api;

import java.util.List;

public record ConsoleUserListResponse(List<ConsoleUserResponse> results) {
}
