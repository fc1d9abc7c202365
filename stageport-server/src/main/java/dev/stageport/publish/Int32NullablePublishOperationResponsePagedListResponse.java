package dev.stageport.publish;

import dev.stageport.web.Int32NullablePageInfo;
import java.util.List;

public record Int32NullablePublishOperationResponsePagedListResponse(Int32NullablePageInfo page,
                                                                     List<PublishOperationResponse> results) {
}
