package io.palisade.collector.publish;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The producer configuration of a collector, in one place so it can be checked without a broker. */
public final class ProducerSettings {

    private ProducerSettings() {
    }

    /**
     * Idempotent, fully acknowledged delivery, so a retried send neither duplicates nor reorders events of one key.
     * lz4 because it is pure Java and cheap on the CPU of the host being watched; {@code max.block.ms} bounded so a
     * source waits at most {@code maxBlock} when Kafka is away.
     */
    public static Map<String, Object> of(String bootstrapServers, String clientId, Duration maxBlock) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                // Batching a little costs latency nobody notices and saves requests from every host.
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis(),
                // Kafka 4's default ("rebootstrap") forgets topic metadata once no broker answers; every send then
                // waits max.block.ms and is dropped. Keeping the metadata lets sends queue in the producer during an
                // outage and go out, in order, when the broker returns (within delivery.timeout.ms).
                CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
    }
}
