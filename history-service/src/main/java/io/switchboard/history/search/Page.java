package io.switchboard.history.search;

import java.util.List;

/** One page of results; {@code page} counts from 0. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
