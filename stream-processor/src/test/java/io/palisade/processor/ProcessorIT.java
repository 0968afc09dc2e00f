package io.palisade.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.rules.RuleEngine;
import io.palisade.schema.DeadLetter;
import io.palisade.schema.Alert;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.Samples;
import io.palisade.schema.topic.Topic;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The processor, exactly-once, on the real broker: events in, alerts out; corrupt bytes dead-lettered once. */
@ExtendWith(DevStackExtension.class)
class ProcessorIT {

    private static final String APPLICATION_ID = "palisade-processor-it";

    private static final RuleEngine RULES = RuleEngine.load(List.of());

    @TempDir
    Path stateDir;

    @Test
    void aPrivilegedContainerEventBecomesOneCommittedAlert(KafkaBroker kafka) throws Exception {
        ensureTopics(kafka);
        ContainerEvent privileged = Samples.containerEvent();
        try (KafkaProducer<String, ContainerEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                Topics.CONTAINER_EVENTS.keySerde().serializer(), Topics.CONTAINER_EVENTS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.CONTAINER_EVENTS.name(), privileged.getContainer().getId(),
                    privileged)).get();
        }

        try (KafkaStreams streams = new KafkaStreams(SecurityTopology.build(ProcessorConfig.defaults(), RULES, Clock.systemUTC()),
                StreamsSettings.of(kafka.bootstrapServers(), APPLICATION_ID + "-alerts", stateDir, 1))) {
            streams.start();
            List<Alert> alerts = readCommitted(kafka, Topics.ALERTS, 1, Duration.ofSeconds(90));

            assertThat(alerts).filteredOn(a -> a.getRule().getId().equals("PAL-CNT-001")).singleElement()
                    .satisfies(alert -> {
                        assertThat(alert.getContainer()).isEqualTo(privileged.getContainer());
                        assertThat(alert.getEvidenceEventIds()).containsExactly(privileged.getEvent().getId());
                    });
        }
    }

    @Test
    void corruptBytesOnAnEventTopicBecomeOneDeadLetterAndProcessingContinues(KafkaBroker kafka) throws Exception {
        ensureTopics(kafka);
        String container = Samples.processEvent().getContainer().getId();
        byte[] readable = Topics.PROCESS_EVENTS.valueSerde().serializer().serialize("", Samples.processEvent());
        byte[] corrupt = "definitely not avro".getBytes();
        TopicPartition partition;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            var first = producer.send(new ProducerRecord<>(Topics.PROCESS_EVENTS.name(), container, corrupt)).get();
            producer.send(new ProducerRecord<>(Topics.PROCESS_EVENTS.name(), container, readable)).get();
            partition = new TopicPartition(first.topic(), first.partition());
        }

        try (KafkaStreams streams = new KafkaStreams(SecurityTopology.build(ProcessorConfig.defaults(), RULES, Clock.systemUTC()),
                StreamsSettings.of(kafka.bootstrapServers(), APPLICATION_ID, stateDir, 1))) {
            streams.start();
            List<DeadLetter> letters = readCommitted(kafka, Topics.DEAD_LETTERS, 1, Duration.ofSeconds(90));
            awaitCommittedOffset(kafka, partition, 2, Duration.ofSeconds(60));

            assertThat(letters).hasSize(1);
            DeadLetter letter = letters.getFirst();
            assertThat(letter.getSourceTopic()).isEqualTo(Topics.PROCESS_EVENTS.name());
            assertThat(letter.getSourcePartition()).isEqualTo(partition.partition());
            assertThat(letter.getSourceOffset()).isZero();
            assertThat(letter.getReason()).contains("not Avro single-object encoded");
            assertThat(letter.getValue().array()).isEqualTo(corrupt);
        }
    }

    /** Reads what the processor committed, and a little more after the expected count, so a duplicate would show. */
    private static void ensureTopics(KafkaBroker kafka) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
    }

    private static <V> List<V> readCommitted(KafkaBroker kafka, Topic<String, V> topic, int expected, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "processor-it-reader-" + topic.name());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<V> values = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p,
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
                if (values.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return values;
    }

    /** The readable record after the corrupt one was consumed and committed: the stream did not stop at the bad one. */
    private static void awaitCommittedOffset(KafkaBroker kafka, TopicPartition partition, long offset, Duration timeout)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long committed = -1;
            while (committed < offset && System.nanoTime() < deadline) {
                OffsetAndMetadata current = admin.listConsumerGroupOffsets(APPLICATION_ID)
                        .partitionsToOffsetAndMetadata().get().get(partition);
                committed = current == null ? -1 : current.offset();
                Thread.sleep(200);
            }
            assertThat(committed).as("committed offset of " + partition).isGreaterThanOrEqualTo(offset);
        }
    }
}
