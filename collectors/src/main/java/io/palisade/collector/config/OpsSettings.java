package io.palisade.collector.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ops} section of the collector configuration: where {@code /health} and {@code /metrics} are served.
 *
 * @param host address to listen on (default 127.0.0.1; 0.0.0.0 in a container, so Prometheus can scrape it)
 * @param port port to listen on (default 9466; 0 picks a free port)
 */
public record OpsSettings(String host, Integer port) {

    public OpsSettings {
        host = host == null ? "127.0.0.1" : host;
        port = port == null ? 9466 : port;
    }

    public static OpsSettings defaults() {
        return new OpsSettings(null, null);
    }

    /** Every problem with these settings, each naming its configuration key; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (host.isBlank()) {
            problems.add("ops.host must not be blank");
        }
        if (port < 0 || port > 65535) {
            problems.add("ops.port must be between 0 and 65535, got " + port);
        }
        return problems;
    }
}
