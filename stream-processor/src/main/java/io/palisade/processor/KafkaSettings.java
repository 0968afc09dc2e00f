package io.palisade.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.streams.StreamsConfig;

/**
 * The {@code kafka} section of the processor configuration.
 *
 * @param bootstrapServers {@code host:port[,host:port...]} of at least one broker (default 127.0.0.1:9092)
 * @param properties       further Kafka Streams, consumer, producer or admin settings passed through as they are,
 *                         for TLS and SASL ({@code security.protocol}, {@code ssl.*}, {@code sasl.*}) or tuning;
 *                         default none. Settings that have a key of their own or that the processor's guarantees
 *                         depend on ({@link #OWNED_BY_THE_PROCESSOR}) cannot be set here
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> properties) {

    /** Set from their own keys ({@code application_id}, ...) or fixed, like exactly-once processing. */
    public static final Set<String> OWNED_BY_THE_PROCESSOR = Set.of(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG,
            StreamsConfig.APPLICATION_ID_CONFIG, StreamsConfig.STATE_DIR_CONFIG,
            StreamsConfig.NUM_STREAM_THREADS_CONFIG, StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
            StreamsConfig.APPLICATION_SERVER_CONFIG);

    public KafkaSettings {
        bootstrapServers = bootstrapServers == null ? "127.0.0.1:9092" : bootstrapServers;
        properties = properties == null ? Map.of() : new TreeMap<>(properties);
    }

    /** The settings every Kafka client of the processor (admin, streams) starts from. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> client = new TreeMap<>(properties);
        client.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return client;
    }

    /** Every problem with these settings, each naming its configuration key; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (bootstrapServers.isBlank()) {
            problems.add("kafka.bootstrap_servers must be set (host:port[,host:port...])");
        }
        properties.keySet().stream().filter(OWNED_BY_THE_PROCESSOR::contains).forEach(name -> problems.add(
                "kafka.properties." + name + " is set by the processor and cannot be changed here"));
        return problems;
    }
}
