package dev.stageport.web;

/** ODC's PageInfoWithTotals (asset repository, portfolio). */
public record PageInfoWithTotals(int count, int limit, int offset, Integer nextPageOffset, int totalResults,
                                 int totalPages) {

    public static PageInfoWithTotals of(Paging paging, int count, int total) {
        Integer next = paging.offset() + count < total ? paging.offset() + count : null;
        int pages = total == 0 ? 0 : (total + paging.limit() - 1) / paging.limit();
        return new PageInfoWithTotals(count, paging.limit(), paging.offset(), next, total, pages);
    }
}
