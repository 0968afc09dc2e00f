package io.palisade.processor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import io.palisade.devstack.KafkaBroker;
import io.palisade.schema.topic.Topic;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the processor ITs do on the real broker: create the topics, write events, read what was committed. */
final class KafkaTestClient {

    private final KafkaBroker kafka;

    KafkaTestClient(KafkaBroker kafka) {
        this.kafka = kafka;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Writes each value under its key, stamped with its event time, and waits until the broker has them all. */
    <V> void send(Topic<String, V> topic, List<Map.Entry<String, V>> records, java.util.function.Function<V, Instant> time)
            throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, V> record : records) {
                byte[] value = topic.valueSerde().serializer().serialize(topic.name(), record.getValue());
                producer.send(new ProducerRecord<>(topic.name(), null, time.apply(record.getValue()).toEpochMilli(),
                        record.getKey(), value));
            }
            producer.flush();
        }
    }

    /** Writes raw bytes, e.g. a corrupt record; returns where it went. */
    RecordMetadata sendRaw(Topic<String, ?> topic, String key, byte[] value) throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        }
    }

    /**
     * Every committed (read_committed) value of the topic that {@code relevant} selects, read from the beginning
     * until {@code done} holds for them, and then 3 s more, so a duplicate written after the expected records shows.
     */
    <V> List<V> readCommitted(Topic<String, V> topic, Predicate<V> relevant, Predicate<List<V>> done, Duration timeout) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "processor-it-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<V> values = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p,
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (relevant.test(r.value())) {
                        values.add(r.value());
                    }
                });
                if (quietUntil == Long.MAX_VALUE && done.test(values)) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return values;
    }
}
