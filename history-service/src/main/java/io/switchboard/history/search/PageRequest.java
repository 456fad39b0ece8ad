package io.switchboard.history.search;

import io.switchboard.history.HistoryConfig;
import io.switchboard.kit.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks page parameters against the configured default and cap. */
@ApplicationScoped
public class PageRequest {

    private final int defaultSize;
    private final int maxSize;

    public PageRequest(HistoryConfig config) {
        this.defaultSize = config.page().defaultSize();
        this.maxSize = config.page().maxSize();
    }

    public int page(Integer page) {
        if (page != null && page < 0) {
            throw Problems.badRequest("page counts from 0");
        }
        return page == null ? 0 : page;
    }

    public int size(Integer size) {
        if (size != null && (size < 1 || size > maxSize)) {
            throw Problems.badRequest("size must be between 1 and " + maxSize);
        }
        return size == null ? defaultSize : size;
    }
}
