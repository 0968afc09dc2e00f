package io.palisade.cli;

import java.net.InetSocketAddress;

import picocli.CommandLine.Option;

/** Where a long-running Palisade process serves /health and /metrics. */
final class OpsOptions {

    @Option(names = "--ops-port", defaultValue = "${env:PALISADE_OPS_PORT}",
            description = "Port of /health and /metrics (env PALISADE_OPS_PORT; default: 9464 processor, "
                    + "9465 sinks, 9466 collector; 0 picks a free port).")
    Integer opsPort;

    @Option(names = "--ops-host", defaultValue = "${env:PALISADE_OPS_HOST:-127.0.0.1}",
            description = "Address /health and /metrics listen on (env PALISADE_OPS_HOST; default ${DEFAULT-VALUE}; "
                    + "0.0.0.0 in a container, so Prometheus can scrape it).")
    String opsHost;

    /** Fixed per-process defaults let one host run all three and be scraped without configuration. */
    InetSocketAddress opsAddress(int defaultPort) {
        return new InetSocketAddress(opsHost, opsPort == null ? defaultPort : opsPort);
    }
}
