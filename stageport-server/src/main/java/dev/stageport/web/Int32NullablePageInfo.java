package dev.stageport.web;

/** ODC's Int32NullablePageInfo (deployment and publish operation lists). */
public record Int32NullablePageInfo(int count, int limit, Integer offset, Integer nextPageOffset) {

    public static Int32NullablePageInfo of(Paging paging, int count, boolean more) {
        return new Int32NullablePageInfo(count, paging.limit(), paging.offset(), paging.nextOffset(count, more));
    }
}
