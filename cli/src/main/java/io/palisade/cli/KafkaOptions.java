package io.palisade.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** Where Kafka is and how to reach it: every command that talks to Kafka takes these. */
final class KafkaOptions {

    @Option(names = "--bootstrap-server", defaultValue = "${env:PALISADE_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (env PALISADE_BOOTSTRAP_SERVERS; default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--kafka-config", defaultValue = "${env:PALISADE_KAFKA_CONFIG}",
            description = "Kafka client properties file for TLS and SASL (security.protocol, ssl.*, sasl.*), like the "
                    + "--command-config of Kafka's own tools (env PALISADE_KAFKA_CONFIG).")
    Path kafkaConfig;

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

    /**
     * These options as overrides of a service's {@code kafka.bootstrap_servers} and {@code kafka.properties.*} keys;
     * an option left out overrides nothing, so the configuration file and environment still count.
     */
    Map<String, String> configOverrides(ParseResult parsed) {
        Map<String, String> overrides = new HashMap<>();
        if (parsed.hasMatchedOption("--bootstrap-server")) {
            overrides.put("kafka.bootstrap_servers", bootstrapServers);
        }
        if (kafkaConfig != null) {
            kafkaClientProperties().forEach((name, value) -> {
                if (!name.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                    overrides.put("kafka.properties." + name, String.valueOf(value));
                }
            });
        }
        return overrides;
    }
}
