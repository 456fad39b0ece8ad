package io.switchboard.history.rebuild;

import java.util.List;

/**
 * The outcome of a rebuild from the log.
 *
 * @param schema              the schema the rebuild wrote into (kept only when asked)
 * @param recordsRead         records read from the start of every topic up to the end offsets taken at the start
 * @param invalidRecords      records that are not valid events (the live consumer dead-letters them)
 * @param liveInteractions    interactions in the live store when compared
 * @param rebuiltInteractions interactions in the rebuilt store
 * @param differences         chat ids whose interaction differs between the two (at most the configured number)
 * @param matches             true when every interaction is the same in both
 */
public record RebuildReport(String schema, boolean kept, long recordsRead, long invalidRecords,
                            long liveInteractions, long rebuiltInteractions, long differenceCount,
                            List<String> differences, boolean matches) {
}
