package io.palisade.sinks.elasticsearch;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.palisade.schema.Alert;

/**
 * Where alerts are indexed: one index per UTC day of {@code first_seen}, e.g. {@code palisade-alerts-2026.01.01}.
 * {@code first_seen} never changes for an alert id, so every version of an alert lands in the same index and a
 * repeat overwrites its document instead of adding one.
 */
public final class AlertIndex {

    /** Matches every alert index; the index template and the Kibana data view use it. */
    public static final String PATTERN = "palisade-alerts-*";

    private static final String PREFIX = "palisade-alerts-";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

    private AlertIndex() {
    }

    public static String of(Alert alert) {
        return PREFIX + DAY.format(alert.getFirstSeen());
    }
}
