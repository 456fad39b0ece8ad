package io.switchboard.history;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.time.ZoneId;

/** history-service's own settings ({@code switchboard.history.*} in application.properties). */
@ConfigMapping(prefix = "switchboard.history")
public interface HistoryConfig {

    Page page();

    Figures figures();

    Export export();

    Rebuild rebuild();

    interface Page {
        /** Rows per page when the caller names no size. */
        int defaultSize();

        /** The largest page a caller may ask for. */
        int maxSize();
    }

    interface Figures {
        /** Days of the figures are calendar days in this zone. */
        ZoneId zone();
    }

    interface Export {
        /** Interactions read per database round trip while an export streams. */
        int batchSize();
    }

    interface Rebuild {
        /** How long one poll of the event log waits for records. */
        Duration pollTimeout();

        int maxPollRecords();

        /** Interactions compared per batch between the rebuilt and the live store. */
        int compareBatchSize();

        /** Differences listed in a rebuild report; the rest are only counted. */
        int maxReportedDifferences();
    }
}
