package io.palisade.cli;

import java.net.InetSocketAddress;

import picocli.CommandLine.Option;

/** Options every long-running Palisade process takes: where Kafka is and where to serve health and metrics. */
final class ServiceOptions {

    @Option(names = "--bootstrap-server", defaultValue = "${env:PALISADE_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (env PALISADE_BOOTSTRAP_SERVERS; default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--ops-port", defaultValue = "${env:PALISADE_OPS_PORT}",
            description = "Port of /health and /metrics on 127.0.0.1 (env PALISADE_OPS_PORT; default: 9464 processor, "
                    + "9465 sinks, 9466 collector; 0 picks a free port).")
    Integer opsPort;

    /** Fixed per-process defaults let one host run all three and be scraped without configuration. */
    InetSocketAddress opsAddress(int defaultPort) {
        return new InetSocketAddress("127.0.0.1", opsPort == null ? defaultPort : opsPort);
    }
}
