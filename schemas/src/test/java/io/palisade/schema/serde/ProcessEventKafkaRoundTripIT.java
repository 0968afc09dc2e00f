package io.palisade.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.Samples;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A ProcessEvent goes through the real broker in single-object encoding and comes back equal. */
@ExtendWith(DevStackExtension.class)
class ProcessEventKafkaRoundTripIT {

    @Test
    void aProducedProcessEventIsConsumedBackEqual(KafkaBroker kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, List.of(Topics.PROCESS_EVENTS), (short) 1);
        }
        ProcessEvent sent = Samples.processEvent();

        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, ProcessEvent> producer = new KafkaProducer<>(producerConfig,
                Topics.PROCESS_EVENTS.keySerde().serializer(), Topics.PROCESS_EVENTS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.PROCESS_EVENTS.name(), sent.getContainer().getId(), sent)).get();
        }

        assertThat(consumeOne(kafka)).containsExactly(sent);
    }

    private static List<ProcessEvent> consumeOne(KafkaBroker kafka) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "round-trip-it");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ProcessEvent> received = new ArrayList<>();
        try (KafkaConsumer<String, ProcessEvent> consumer = new KafkaConsumer<>(config,
                Topics.PROCESS_EVENTS.keySerde().deserializer(), Topics.PROCESS_EVENTS.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.PROCESS_EVENTS.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, ProcessEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    received.add(record.value());
                }
            }
        }
        return received;
    }
}
