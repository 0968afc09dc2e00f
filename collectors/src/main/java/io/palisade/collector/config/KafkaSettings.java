package io.palisade.collector.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The {@code kafka} section of the collector configuration.
 *
 * @param bootstrapServers {@code host:port[,host:port...]} of at least one broker; required
 * @param properties       further Kafka producer settings passed through as they are, for TLS and SASL
 *                         ({@code security.protocol}, {@code ssl.*}, {@code sasl.*}) or tuning
 *                         ({@code delivery.timeout.ms}, ...); default none. Settings the collector relies on for
 *                         ordered, duplicate-free delivery ({@link #OWNED_BY_THE_COLLECTOR}) cannot be set here
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> properties) {

    /** Producer settings the publisher's guarantees depend on; see {@code ProducerSettings}. */
    public static final Set<String> OWNED_BY_THE_COLLECTOR = Set.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.ACKS_CONFIG);

    public KafkaSettings {
        properties = properties == null ? Map.of() : new TreeMap<>(properties);
    }

    public static KafkaSettings defaults() {
        return new KafkaSettings(null, null);
    }

    /** Every problem with these settings, each naming its configuration key; empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            problems.add("kafka.bootstrap_servers is required (host:port of at least one Kafka broker; env "
                    + "PALISADE_KAFKA_BOOTSTRAP_SERVERS or --bootstrap-server)");
        }
        properties.keySet().forEach(name -> {
            if (OWNED_BY_THE_COLLECTOR.contains(name)) {
                problems.add("kafka.properties." + name + " is set by the collector and cannot be changed"
                        + (name.equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) ? "; use kafka.bootstrap_servers" : ""));
            } else if (!ProducerConfig.configNames().contains(name)) {
                problems.add("kafka.properties." + name + " is not a Kafka producer setting");
            }
        });
        return problems;
    }
}
