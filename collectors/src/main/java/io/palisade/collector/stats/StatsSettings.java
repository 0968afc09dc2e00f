package io.palisade.collector.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sources.stats} section of the collector configuration. A {@code null} component takes its default.
 *
 * @param enabled  whether per-container and host resource samples are published (default {@code true})
 * @param interval time between two samples (default 10 s)
 */
public record StatsSettings(Boolean enabled, Duration interval) {

    public StatsSettings {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofSeconds(10) : interval;
    }

    public static StatsSettings defaults() {
        return new StatsSettings(null, null);
    }

    /** Every problem with these settings, each naming its configuration key; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add("sources.stats.interval must be at least 1s, got " + interval);
        }
        return problems;
    }
}
