package io.palisade.collector.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sources.host} section of the collector configuration: the host event (Docker daemon security settings,
 * docker group members), published at start and then as a heartbeat. A {@code null} component takes its default.
 *
 * @param enabled   whether host events are published (default {@code true})
 * @param heartbeat time between two host events (default 60 s); the processor's fleet inventory shows hosts by
 *                  their last one
 */
public record HostSettings(Boolean enabled, Duration heartbeat) {

    public HostSettings {
        enabled = enabled == null || enabled;
        heartbeat = heartbeat == null ? Duration.ofSeconds(60) : heartbeat;
    }

    public static HostSettings defaults() {
        return new HostSettings(null, null);
    }

    /** Every problem with these settings, each naming its configuration key; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (heartbeat.compareTo(Duration.ofSeconds(1)) < 0) {
            problems.add("sources.host.heartbeat must be at least 1s, got " + heartbeat);
        }
        return problems;
    }
}
