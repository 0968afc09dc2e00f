package io.palisade.processor.correlation;

import java.time.Duration;

import io.palisade.schema.Container;

/** How correlation alert messages show durations and containers. */
final class Wording {

    private Wording() {
    }

    /** "4m 10s", "90s", "2h 5m". */
    static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + "s");
        }
        return seconds / 3600 + "h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + "m");
    }

    /** The container's name, or its id when only that is known. */
    static String container(Container container) {
        return container.getName() != null ? container.getName() : container.getId();
    }
}
