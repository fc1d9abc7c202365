package dev.stageport.web;

/** ODC's StringPageInfo: the message lists page with an opaque string offset. */
public record StringPageInfo(int count, int limit, String offset, String nextPageOffset) {

    public static StringPageInfo of(Paging paging, int count, boolean more) {
        Integer next = paging.nextOffset(count, more);
        return new StringPageInfo(count, paging.limit(), Integer.toString(paging.offset()),
                next == null ? null : next.toString());
    }
}
