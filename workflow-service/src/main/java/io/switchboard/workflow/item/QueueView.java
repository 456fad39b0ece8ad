package io.switchboard.workflow.item;

/** A workflow queue with what is in it now. */
public record QueueView(String name, String description, long maxAgeSeconds, long waiting, long claimed, long overdue) {
}
