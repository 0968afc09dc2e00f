package io.palisade.cli.alerts;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alert ids a viewer has already shown, so that a suppressed repeat (same id, higher count) is shown as an
 * update. Bounded: the oldest ids are forgotten, which at worst shows a very old alert's update as new.
 */
final class SeenAlertIds {

    private static final int MAX_REMEMBERED = 100_000;

    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    /** Whether {@code id} was shown before; remembers it either way. */
    boolean repeat(String id) {
        return seen.put(id, Boolean.TRUE) != null;
    }
}
