package io.palisade.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.Alert;
import io.palisade.schema.Severity;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sinks process against a real Kafka broker: palisade.alerts in, one consumer group per sink. */
@ExtendWith(DevStackExtension.class)
class SinksAppIT {

    @Test
    void aSinkThatFailsForGoodStopsAloneAndCommitsNothing(KafkaBroker kafka) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> kafkaProperties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        Alert alert = TestAlerts.minimal("app-it-" + run, "PAL-APP-IT", Severity.CRITICAL);
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(kafkaProperties,
                Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.getId(), alert)).get();
        }
        CollectingSink healthy = new CollectingSink();
        SinkSettings rejectedSettings = SinkSettings.defaults("rejected-" + run);

        SinksApp app = SinksApp.start(kafkaProperties, List.of(
                new ConfiguredSink(rejectedSettings, new RejectingSink()),
                new ConfiguredSink(SinkSettings.defaults("healthy-" + run), healthy)), new SimpleMeterRegistry());
        try (app) {
            await().atMost(Duration.ofSeconds(60)).until(() -> healthy.ids.contains(alert.getId()));
            await().atMost(Duration.ofSeconds(60)).until(() -> !app.failures().isEmpty());

            List<SinkMetrics.Snapshot> metrics = app.metrics();
            assertThat(metrics.get(0).state().phase()).isEqualTo(SinkState.Phase.STOPPED);
            assertThat(metrics.get(0).state().reason()).contains("401 credentials rejected");
            assertThat(metrics.get(0).written()).isZero();
            assertThat(metrics.get(1).state().phase()).isEqualTo(SinkState.Phase.RUNNING);
            // The healthy sink saw the alert inside write(); counting and committing its batch follow that.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(app.metrics().get(1).written()).isPositive();
                assertThat(app.metrics().get(1).batches()).isPositive();
            });
        }

        assertThat(app.failures()).singleElement().isInstanceOf(SinkFailedException.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listConsumerGroupOffsets(rejectedSettings.consumerGroup())
                    .partitionsToOffsetAndMetadata().get()).isEmpty();
        }
    }

    /** Stands for a destination that refuses this process's credentials: every write fails for good. */
    private static final class RejectingSink implements AlertSink {
        @Override
        public WriteResult write(List<SinkRecord> records) {
            throw new IllegalStateException("401 credentials rejected");
        }

        @Override
        public boolean isRetriable(Throwable error) {
            return false;
        }

        @Override
        public void close() {
        }
    }

    /** A destination that keeps the ids it was given. */
    private static final class CollectingSink implements AlertSink {
        private final Set<String> ids = ConcurrentHashMap.newKeySet();

        @Override
        public WriteResult write(List<SinkRecord> records) {
            records.forEach(record -> ids.add(record.alert().getId()));
            return WriteResult.allWritten();
        }

        @Override
        public boolean isRetriable(Throwable error) {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
