package io.palisade.collector.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.palisade.collector.config.KafkaSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The producer configuration of a collector, in one place so it can be checked without a broker. */
public final class ProducerSettings {

    private ProducerSettings() {
    }

    /**
     * Idempotent, fully acknowledged delivery, so a retried send neither duplicates nor reorders events of one key.
     * lz4 because it is pure Java and cheap on the CPU of the host being watched; {@code max.block.ms} bounded so a
     * source waits at most {@code maxBlock} when Kafka is away. The operator's {@code kafka.properties} (TLS, SASL,
     * timeouts) are added, except the settings these guarantees rest on ({@link KafkaSettings#OWNED_BY_THE_COLLECTOR}).
     */
    public static Map<String, Object> of(KafkaSettings kafka, String clientId, Duration maxBlock) {
        Map<String, Object> settings = new HashMap<>(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                // Batching a little costs latency nobody notices and saves requests from every host.
                ProducerConfig.LINGER_MS_CONFIG, 20,
                // 8 MiB instead of 32: the collector runs in a small heap, and once this much waits for Kafka the
                // disk spool is the better place for the rest.
                ProducerConfig.BUFFER_MEMORY_CONFIG, 8L << 20,
                // Kafka 4's default ("rebootstrap") forgets topic metadata once no broker answers; every send then
                // waits max.block.ms. Keeping the metadata lets sends queue in the producer during a short outage
                // and go out, in order, when the broker returns; longer outages go to the disk spool.
                CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none"));
        settings.putAll(kafka.properties());
        settings.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis()));
        return settings;
    }
}
