package io.palisade.collector.file;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sources.drift} section of the collector configuration: files created or changed inside running
 * containers. A {@code null} component takes its default.
 *
 * @param enabled  whether container drift is reported (default {@code true}; needs the container engine)
 * @param interval how often each running container's changes are compared with what was last seen (default 10 s)
 */
public record DriftSettings(Boolean enabled, Duration interval) {

    public DriftSettings {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofSeconds(10) : interval;
    }

    public static DriftSettings defaults() {
        return new DriftSettings(null, null);
    }

    /** Every problem with these settings, each naming its configuration key; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (interval.compareTo(Duration.ofMillis(500)) < 0) {
            problems.add("sources.drift.interval must be at least 500ms, got " + interval);
        }
        return problems;
    }
}
