package io.palisade.processor.correlation;

import static io.palisade.processor.correlation.Records.SHELL;
import static io.palisade.processor.correlation.Records.T0;
import static io.palisade.processor.correlation.Records.WRITE_BIN;
import static io.palisade.processor.correlation.Records.ruleAlert;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.processor.StreamsSettings;
import io.palisade.schema.Alert;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a real broker, exactly-once: the first half of a sequence, seen by one processor instance, completes on another
 * instance that starts on an empty state directory, because the state was restored from the changelog topic.
 */
@ExtendWith(DevStackExtension.class)
class CorrelationRestartIT {

    private static final String APPLICATION_ID = "palisade-correlation-it";
    private static final String RULE_ALERTS = "palisade.it.correlation.rule-alerts";
    private static final String PROCESSES = "palisade.it.correlation.processes";
    private static final String STATS = "palisade.it.correlation.stats";
    private static final String OUTPUT = "palisade.it.correlation.alerts";
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Test
    void aSequenceStartedBeforeARestartCompletesAfterItOnAnEmptyStateDirectory(KafkaBroker kafka,
            @TempDir Path firstStateDir, @TempDir Path secondStateDir) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(RULE_ALERTS, PROCESSES, STATS, OUTPUT).stream()
                    .map(name -> new NewTopic(name, 2, (short) 1)).toList()).all().get();
        }

        try (KafkaStreams first = new KafkaStreams(topology(), settings(kafka, firstStateDir))) {
            first.start();
            send(kafka, ruleAlert(SHELL, "e-shell", T0, "c1"));
            List<byte[]> remembered = readCommitted(kafka,
                    APPLICATION_ID + "-" + SequenceCorrelation.STORE + "-changelog",
                    Serdes.ByteArray().deserializer(), values -> !values.isEmpty());
            assertThat(remembered).isNotEmpty();
        }

        try (KafkaStreams second = new KafkaStreams(topology(), settings(kafka, secondStateDir))) {
            second.start();
            send(kafka, ruleAlert(WRITE_BIN, "e-write", T0.plusSeconds(60), "c1"));
            List<Alert> alerts = readCommitted(kafka, OUTPUT, Topics.ALERTS.valueSerde().deserializer(),
                    values -> !values.isEmpty());

            assertThat(alerts).singleElement().satisfies(alert -> {
                assertThat(alert.getRule().getId()).isEqualTo("PAL-CORR-001");
                assertThat(alert.getEvidenceEventIds()).containsExactly("e-shell", "e-write");
            });
        }
    }

    private static Topology topology() {
        StreamsBuilder builder = new StreamsBuilder();
        Correlations.attach(builder,
                        builder.stream(RULE_ALERTS, Consumed.with(Serdes.String(), Topics.ALERTS.valueSerde())),
                        builder.stream(PROCESSES, Consumed.with(Serdes.String(), Topics.PROCESS_EVENTS.valueSerde())),
                        builder.stream(STATS, Consumed.with(Serdes.String(), Topics.CONTAINER_STATS.valueSerde())),
                        CorrelationSettings.defaults())
                .to(OUTPUT, Produced.with(Serdes.String(), Topics.ALERTS.valueSerde()));
        return builder.build();
    }

    private static Properties settings(KafkaBroker kafka, Path stateDir) {
        return StreamsSettings.of(kafka.bootstrapServers(), APPLICATION_ID, stateDir, 1);
    }

    private static void send(KafkaBroker kafka, Alert alert) throws Exception {
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                Serdes.String().serializer(), Topics.ALERTS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(RULE_ALERTS, alert.getId(), alert)).get();
        }
    }

    /** Committed values of {@code topic}, polled until {@code done} holds, then a little longer so a duplicate shows. */
    private static <V> List<V> readCommitted(KafkaBroker kafka, String topic, Deserializer<V> values,
                                             Predicate<List<V>> done) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "correlation-it-reader-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<V> read = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p, Serdes.String().deserializer(), values)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> read.add(r.value()));
                if (done.test(read) && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return read;
    }
}
