package dev.stageport.deployments;

import dev.stageport.web.StringPageInfo;
import java.util.List;

/** One page of GET /deployment-operations/{key}/messages. */
public record StringMessageDetailsV1TaskProgressMessagePagedListResponse(
        StringPageInfo page, List<MessageDetailsV1TaskProgressMessage> results) {
}
