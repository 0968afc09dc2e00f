package io.palisade.collector.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.palisade.runtime.config.Durations;

/**
 * The {@code sources.container} section of the collector configuration: the Docker Engine found through
 * {@code DOCKER_HOST} like the {@code docker} CLI.
 *
 * @param enabled whether the container source runs (default {@code true})
 * @param resync  how often every container is inspected again, healing missed engine events (default 5 min, at
 *                least 1 s)
 */
public record ContainerSettings(Boolean enabled, Duration resync) {

    public ContainerSettings {
        enabled = enabled == null || enabled;
        resync = resync == null ? Duration.ofMinutes(5) : resync;
    }

    public static ContainerSettings defaults() {
        return new ContainerSettings(null, null);
    }

    /** Every problem with these settings, each naming its configuration key; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (resync.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add("sources.container.resync must be at least 1s, got " + Durations.format(resync));
        }
        return problems;
    }
}
