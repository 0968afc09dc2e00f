package io.palisade.collector.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sources.host} section of the collector configuration: the host event (Docker daemon security settings,
 * docker group members), published at start and then as a heartbeat. A {@code null} component takes its default.
 *
 * @param enabled      whether host events are published (default {@code true})
 * @param heartbeat    time between two host events (default 60 s); the processor's fleet inventory shows hosts by
 *                     their last one
 * @param groupFile    where the docker group's members are read (default {@code /etc/group})
 * @param daemonConfig the Docker daemon's configuration file, read when readable for the settings {@code docker info}
 *                     does not show (default {@code /etc/docker/daemon.json})
 */
public record HostSettings(Boolean enabled, Duration heartbeat, Path groupFile, Path daemonConfig) {

    public HostSettings {
        enabled = enabled == null || enabled;
        heartbeat = heartbeat == null ? Duration.ofSeconds(60) : heartbeat;
        groupFile = groupFile == null ? Path.of("/etc/group") : groupFile;
        daemonConfig = daemonConfig == null ? Path.of("/etc/docker/daemon.json") : daemonConfig;
    }

    public static HostSettings defaults() {
        return new HostSettings(null, null, null, null);
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
