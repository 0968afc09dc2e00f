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
import io.palisade.schema.DeadLetter;
import io.palisade.schema.Samples;
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

/** The processor, exactly-once, on the real broker: corrupt bytes are dead-lettered once and the stream goes on. */
@ExtendWith(DevStackExtension.class)
class DeadLetterIT {

    private static final String APPLICATION_ID = "palisade-processor-dead-letter-it";

    @TempDir
    Path stateDir;

    @Test
    void corruptBytesOnAnEventTopicBecomeOneDeadLetterAndProcessingContinues(KafkaBroker kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
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

        try (KafkaStreams streams = new KafkaStreams(SecurityTopology.build(Clock.systemUTC()),
                StreamsSettings.of(kafka.bootstrapServers(), APPLICATION_ID, stateDir, 1))) {
            streams.start();
            List<DeadLetter> letters = readCommitted(kafka, 1, Duration.ofSeconds(90));
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

    private static List<DeadLetter> readCommitted(KafkaBroker kafka, int expected, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-it-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(p,
                Topics.DEAD_LETTERS.keySerde().deserializer(), Topics.DEAD_LETTERS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTERS.name()));
            long deadline = System.nanoTime() + timeout.toNanos();
            // Keep reading a little after the expected count, so a duplicate would be seen.
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> letters.add(r.value()));
                if (letters.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return letters;
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
