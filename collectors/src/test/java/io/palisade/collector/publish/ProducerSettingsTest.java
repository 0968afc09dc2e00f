package io.palisade.collector.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.palisade.collector.config.KafkaSettings;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    @Test
    void idempotentFullyAcknowledgedCompressedAndBoundedInBlocking() {
        assertThat(ProducerSettings.of(new KafkaSettings("broker:9092", null), "palisade-collector-web-1",
                Duration.ofSeconds(3)))
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000L)
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
    }

    @Test
    void operatorPropertiesAddTlsAndTuningButNeverWeakenDelivery() {
        KafkaSettings kafka = new KafkaSettings("broker:9093", Map.of("security.protocol", "SSL",
                "delivery.timeout.ms", "30000", "acks", "1"));

        assertThat(ProducerSettings.of(kafka, "c", Duration.ofSeconds(1)))
                .containsEntry("security.protocol", "SSL")
                .containsEntry("delivery.timeout.ms", "30000")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    }
}
