package io.switchboard.telephony.call;

import io.switchboard.events.TelephonyStatus;

/** A status the PBX reports for a call, checked ({@link StatusBodies}). */
public record StatusUpdate(TelephonyStatus status, String reason, String providerCallId, Long durationSeconds,
                           String endedBy) {
}
