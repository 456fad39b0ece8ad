package io.switchboard.kit.outbox;

/** A lane held by a relay; {@code fence} is the lane's fencing token of this holding. */
record Lease(int lane, long fence) {
}
