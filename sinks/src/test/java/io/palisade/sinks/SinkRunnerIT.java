package io.palisade.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.Alert;
import io.palisade.schema.Severity;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The runner's pipeline against a real Kafka broker: while one batch is being written the next is read, and a
 * batch's offsets are committed once that batch is written, never while it is still being written.
 */
@ExtendWith(DevStackExtension.class)
class SinkRunnerIT {

    @Test
    void aBatchIsCommittedOnceWrittenAndNotWhileTheNextIsStillBeingWritten(KafkaBroker kafka) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> kafkaProperties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = admin(kafka)) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(kafkaProperties,
                Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer())) {
            for (int i = 0; i < 25; i++) {
                Alert alert = TestAlerts.minimal("runner-it-" + run + "-" + i, "PAL-RUNNER-IT", Severity.ERROR);
                producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.getId(), alert));
            }
            producer.flush();
        }
        SinkSettings settings = SinkSettings.defaults("runner-it-" + run).withBatch(10, Duration.ofMillis(200));
        SecondWriteHeld sink = new SecondWriteHeld();

        try (SinksApp app = SinksApp.start(kafkaProperties, List.of(new ConfiguredSink(settings, sink)), new SimpleMeterRegistry());
             Admin admin = admin(kafka)) {
            try {
                assertThat(sink.secondWriteStarted.await(60, TimeUnit.SECONDS)).as("a second write began").isTrue();
                List<SinkRecord> first = sink.writes.get(0);
                List<SinkRecord> second = sink.writes.get(1);

                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(first).allSatisfy(record -> assertThat(committed(admin, settings, record))
                                .isGreaterThan(record.source().offset())));
                assertThat(second).as("held in write, so not committed").allSatisfy(record ->
                        assertThat(committed(admin, settings, record)).isLessThanOrEqualTo(record.source().offset()));

                sink.release.countDown();
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(second).allSatisfy(record -> assertThat(committed(admin, settings, record))
                                .isGreaterThan(record.source().offset())));
            } finally {
                // Closing the app waits for the held write: it must end whatever the assertions found.
                sink.release.countDown();
            }
            assertThat(app.failures()).isEmpty();
        }
    }

    /** The group's committed offset of {@code record}'s partition; 0 when none. */
    private static long committed(Admin admin, SinkSettings settings, SinkRecord record) throws Exception {
        TopicPartition partition = new TopicPartition(record.source().topic(), record.source().partition());
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(settings.consumerGroup())
                .partitionsToOffsetAndMetadata().get().get(partition);
        return offset == null ? 0 : offset.offset();
    }

    private static Admin admin(KafkaBroker kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    /** A destination that keeps what each write was given and does not return from the second until released. */
    private static final class SecondWriteHeld implements AlertSink {
        private final List<List<SinkRecord>> writes = new CopyOnWriteArrayList<>();
        private final CountDownLatch secondWriteStarted = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        @Override
        public WriteResult write(List<SinkRecord> records) throws InterruptedException {
            writes.add(List.copyOf(records));
            if (writes.size() == 2) {
                secondWriteStarted.countDown();
                release.await();
            }
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
