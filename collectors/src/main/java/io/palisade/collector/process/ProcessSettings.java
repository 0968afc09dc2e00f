package io.palisade.collector.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sources.process} section of the collector configuration. A {@code null} component takes its default, so
 * a configuration file only names what it changes.
 *
 * @param enabled      whether the process source runs (default {@code true})
 * @param backend      which back end observes execs (default {@link Backend#AUTO}: the netlink proc connector when
 *                     the kernel and privileges allow it, else /proc polling)
 * @param pollInterval how often the /proc back end scans for new processes (default 100 ms)
 */
public record ProcessSettings(Boolean enabled, Backend backend, Duration pollInterval) {

    /** The back ends in the order {@link #AUTO} tries them. */
    public enum Backend { AUTO, NETLINK, PROC }

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(100);

    public ProcessSettings {
        enabled = enabled == null || enabled;
        backend = backend == null ? Backend.AUTO : backend;
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
    }

    public static ProcessSettings defaults() {
        return new ProcessSettings(null, null, null);
    }

    /** Every problem with these settings, each naming its configuration key; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (pollInterval.compareTo(Duration.ofMillis(10)) < 0) {
            problems.add("sources.process.poll_interval must be at least 10ms, got " + pollInterval);
        }
        return problems;
    }
}
