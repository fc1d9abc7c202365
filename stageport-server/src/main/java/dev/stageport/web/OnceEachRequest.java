package dev.stageport.web;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A {@link OncePerRequestFilter} whose "already filtered" request attribute is named once, at
 * construction. Spring's own builds the name by concatenating the filter's name on every
 * request, for every filter; on a status poll those strings were a visible share of what a
 * poll allocates (docs/benchmarks.md). The name stays unique per filter class, which is all
 * the attribute needs.
 */
public abstract class OnceEachRequest extends OncePerRequestFilter {

    private final String alreadyFiltered = getClass().getName() + ALREADY_FILTERED_SUFFIX;

    @Override
    protected final String getAlreadyFilteredAttributeName() {
        return alreadyFiltered;
    }
}
