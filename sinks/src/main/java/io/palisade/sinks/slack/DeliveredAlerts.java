package io.palisade.sinks.slack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.palisade.schema.Alert;

/**
 * The alerts recently posted to each webhook, so a batch retried after a partial failure (or redelivered after a
 * rebalance) does not post them again. Keyed by alert id and count: a suppressed repeat of an alert (same id, higher
 * count) is news and is posted. Bounded; what it forgot is at worst posted twice, never lost.
 */
final class DeliveredAlerts {

    static final int CAPACITY = 10_000;

    private final Set<String> keys = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    });

    boolean contains(int route, Alert alert) {
        return keys.contains(key(route, alert));
    }

    void add(int route, Alert alert) {
        keys.add(key(route, alert));
    }

    private static String key(int route, Alert alert) {
        return route + "|" + alert.getCount() + "|" + alert.getId();
    }
}
