package io.switchboard.workflow.item;

import java.util.List;

/** One page of a queue's open items, oldest first. */
public record ItemPage(String queue, int page, int size, long total, List<ItemView> items) {
}
