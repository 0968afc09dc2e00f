package io.palisade.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/** Options every long-running Palisade process takes: where Kafka is and where to serve health and metrics. */
final class ServiceOptions {

    @Option(names = "--bootstrap-server", defaultValue = "${env:PALISADE_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (env PALISADE_BOOTSTRAP_SERVERS; default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--kafka-config", defaultValue = "${env:PALISADE_KAFKA_CONFIG}",
            description = "Kafka client properties file for TLS and SASL (security.protocol, ssl.*, sasl.*), like the "
                    + "--command-config of Kafka's own tools (env PALISADE_KAFKA_CONFIG).")
    Path kafkaConfig;

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

    /** The Kafka client settings: those of {@code --kafka-config}, if any, and the bootstrap servers. */
    Map<String, Object> kafkaClientProperties() {
        Map<String, Object> properties = new HashMap<>();
        if (kafkaConfig != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(kafkaConfig)) {
                file.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read --kafka-config " + kafkaConfig, e);
            }
            file.forEach((key, value) -> properties.put((String) key, value));
        }
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return properties;
    }
}
