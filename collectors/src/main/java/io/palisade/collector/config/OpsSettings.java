package io.palisade.collector.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ops} section of the collector configuration.
 *
 * @param port port of {@code /health} and {@code /metrics} on 127.0.0.1 (default 9466; 0 picks a free port)
 */
public record OpsSettings(Integer port) {

    public OpsSettings {
        port = port == null ? 9466 : port;
    }

    public static OpsSettings defaults() {
        return new OpsSettings(null);
    }

    /** Every problem with these settings, each naming its configuration key; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (port < 0 || port > 65535) {
            problems.add("ops.port must be between 0 and 65535, got " + port);
        }
        return problems;
    }
}
