package io.palisade.sinks.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.devstack.ElasticsearchNode;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.runtime.Backoff;
import io.palisade.runtime.metrics.ServiceMetrics;
import io.palisade.runtime.ops.OpsServer;
import io.palisade.schema.Alert;
import io.palisade.schema.DeadLetter;
import io.palisade.schema.Samples;
import io.palisade.schema.Severity;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import io.palisade.sinks.ConfiguredSink;
import io.palisade.sinks.SinkSettings;
import io.palisade.sinks.SinksApp;
import io.palisade.sinks.TestAlerts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Elasticsearch sink against a real Kafka broker and a real Elasticsearch node: reads palisade.alerts, writes
 * palisade-alerts-* and palisade.deadletter.
 */
@ExtendWith(DevStackExtension.class)
class ElasticsearchSinkIT {

    private static final int ALERTS = 1_000;
    private static final Serializer<Alert> ALERT_BYTES = Topics.ALERTS.valueSerde().serializer();

    @Test
    void everyAlertIsIndexedOnceAndRedeliveryFromOffsetZeroAddsNothing(KafkaBroker kafka, ElasticsearchNode node)
            throws Exception {
        String rule = uniqueRuleId();
        ensureTopics(kafka);
        RecordMetadata unreadable;
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            sendAlerts(producer, rule, 0, ALERTS / 2);
            unreadable = producer.send(new ProducerRecord<>(Topics.ALERTS.name(), "not an alert".getBytes())).get();
            sendAlerts(producer, rule, ALERTS / 2, ALERTS);
        }

        runUntilCaughtUp(kafka, node, settings("es-it-" + rule.toLowerCase()));
        try (ElasticsearchClient es = client(node)) {
            assertThat(countByRule(es, rule)).isEqualTo(ALERTS);
        }
        assertThat(deadLettersFrom(kafka, unreadable)).singleElement().satisfies(letter -> {
            assertThat(letter.getSourceTopic()).isEqualTo(Topics.ALERTS.name());
            assertThat(letter.getReason()).contains("not Avro single-object encoded");
            assertThat(letter.getValue().array()).isEqualTo("not an alert".getBytes());
        });

        // A new consumer group reads palisade.alerts from offset 0: every alert is written again, onto itself.
        runUntilCaughtUp(kafka, node, settings("es-it-redeliver-" + rule.toLowerCase()));
        try (ElasticsearchClient es = client(node)) {
            assertThat(countByRule(es, rule)).isEqualTo(ALERTS);
        }
    }

    /** Labels are the user's, dots in their names (com.docker.compose.project) too: indexed as they are. */
    @Test
    void aFullAlertIsIndexedAndFoundByItsContainersLabelAndPrivilege(KafkaBroker kafka, ElasticsearchNode node)
            throws Exception {
        String rule = uniqueRuleId();
        ensureTopics(kafka);
        // Set in place: Alert.newBuilder(alert) deep-copies through Avro's class allow-list, which refuses ours.
        Alert full = Samples.alert();
        full.put("id", rule + "-full");
        full.getRule().put("id", rule);
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            send(producer, full).get();
        }

        runUntilCaughtUp(kafka, node, settings("es-it-full-" + rule.toLowerCase()));
        try (ElasticsearchClient es = client(node)) {
            assertThat(countByRule(es, rule)).isOne();
            long found = es.count(c -> c.index(AlertIndex.PATTERN).query(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field("rule.id").value(rule)))
                    .filter(f -> f.term(t -> t.field("container.labels.com.docker.compose.project").value("shop")))
                    .filter(f -> f.term(t -> t.field("container.security_context.privileged").value(true))))))
                    .count();
            assertThat(found).isOne();
        }
    }

    /** Alerts indexed show on the scraped /metrics as writes of this sink, beside the process's own figures. */
    @Test
    void alertsWrittenShowOnTheScrapedMetricsBySink(KafkaBroker kafka, ElasticsearchNode node) throws Exception {
        String rule = uniqueRuleId();
        ensureTopics(kafka);
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            sendAlerts(producer, rule, 0, 3);
        }
        SinkSettings settings = settings("es-it-metrics-" + rule.toLowerCase());
        String sink = "sink=\"" + settings.name() + "\"";

        try (ServiceMetrics metrics = ServiceMetrics.create("sinks", "it");
             OpsServer ops = OpsServer.start(new InetSocketAddress("127.0.0.1", 0),
                     () -> new OpsServer.Health(true, "sinks running"), metrics.registry());
             SinksApp app = start(kafka, node, settings, metrics.registry())) {
            awaitCaughtUp(kafka, settings.consumerGroup());

            // The new group reads palisade.alerts from the start: the other tests' alerts are written too.
            assertThat(scrape(ops)).containsPattern("(?m)^palisade_sink_alerts_written_total\\{"
                            + Pattern.quote(sink) + "} ([3-9]|[1-9][0-9]+)\\.0$")
                    .contains("palisade_sink_state{" + sink + ",state=\"running\"} 1.0\n",
                            "palisade_sink_write_latency_seconds_count{" + sink + "} ",
                            "jvm_memory_used_bytes{area=\"heap\"", "kafka_consumer_fetch_manager_records_consumed_total{")
                    .containsPattern("(?m)^process_resident_memory_bytes [1-9]");
        }
    }

    @Test
    void everyAlertIsIndexedOnceAfterElasticsearchWasDownMidStream(KafkaBroker kafka, ElasticsearchNode node)
            throws Exception {
        String rule = uniqueRuleId();
        ensureTopics(kafka);
        SinkSettings settings = settings("es-it-outage-" + rule.toLowerCase());
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka);
             SinksApp app = start(kafka, node, settings);
             ElasticsearchClient es = client(node)) {
            // A steady stream (about 100 alerts/s) that is still flowing when the node goes down.
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < ALERTS; i += 10) {
                    sendAlerts(producer, rule, i, i + 10);
                    sleep(Duration.ofMillis(100));
                }
            });
            // The first bulk may still be creating the index, whose search then answers 503 for a moment.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> countByRule(es, rule) >= 100);

            node.stop();
            sleep(Duration.ofSeconds(20));
            node.start();
            stream.get();

            awaitCaughtUp(kafka, settings.consumerGroup());
            assertThat(countByRule(es, rule)).isEqualTo(ALERTS);
            assertThat(app.failures()).isEmpty();
        }
    }

    @Test
    void alertsBelowTheMinimumSeverityAreSkippedAndCommitted(KafkaBroker kafka, ElasticsearchNode node)
            throws Exception {
        String rule = uniqueRuleId();
        ensureTopics(kafka);
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            sendAlerts(producer, rule, 0, 80);
        }

        runUntilCaughtUp(kafka, node, settings("es-it-warning-" + rule.toLowerCase())
                .withMinimumSeverity(Severity.WARNING));

        // Severities cycle through all eight levels; WARNING and the four above it are a ten each.
        try (ElasticsearchClient es = client(node)) {
            assertThat(countByRule(es, rule)).isEqualTo(50);
        }
    }

    @Test
    void anAlertElasticsearchRejectsIsDeadLetteredAndTheOthersAreIndexed(KafkaBroker kafka, ElasticsearchNode node)
            throws Exception {
        String rule = uniqueRuleId();
        ensureTopics(kafka);
        // A date field holds four-digit years; Elasticsearch answers 400 for this one, every time.
        Alert unindexable = TestAlerts.minimalBuilder(rule + "-far-future", rule, Severity.ALERT)
                .setFirstSeen(Instant.parse("+10000-01-01T00:00:00Z"))
                .setLastSeen(Instant.parse("+10000-01-01T00:00:00Z"))
                .build();
        RecordMetadata rejected;
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            sendAlerts(producer, rule, 0, 10);
            rejected = send(producer, unindexable).get();
        }

        runUntilCaughtUp(kafka, node, settings("es-it-rejected-" + rule.toLowerCase()));

        try (ElasticsearchClient es = client(node)) {
            assertThat(countByRule(es, rule)).isEqualTo(10);
        }
        assertThat(deadLettersFrom(kafka, rejected)).singleElement()
                .satisfies(letter -> assertThat(letter.getReason()).startsWith("400 "));
    }

    /** Runs one sink until it has committed everything on palisade.alerts, then stops it. */
    private static void runUntilCaughtUp(KafkaBroker kafka, ElasticsearchNode node, SinkSettings settings)
            throws Exception {
        SinksApp app = start(kafka, node, settings);
        try (app) {
            awaitCaughtUp(kafka, settings.consumerGroup());
        }
        assertThat(app.failures()).isEmpty();
    }

    private static SinkSettings settings(String name) {
        return SinkSettings.defaults(name)
                .withBatch(200, Duration.ofMillis(300))
                .withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2)));
    }

    private static SinksApp start(KafkaBroker kafka, ElasticsearchNode node, SinkSettings settings) {
        return start(kafka, node, settings, new SimpleMeterRegistry());
    }

    private static SinksApp start(KafkaBroker kafka, ElasticsearchNode node, SinkSettings settings,
                                  MeterRegistry registry) {
        return SinksApp.start(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                List.of(new ConfiguredSink(settings, ElasticsearchAlertSink.connect(node.httpUrl()))), registry);
    }

    private static String scrape(OpsServer ops) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ops.port() + "/metrics")).build(), BodyHandlers.ofString()).body();
    }

    private static String uniqueRuleId() {
        return "PAL-IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static void ensureTopics(KafkaBroker kafka) {
        try (Admin admin = admin(kafka)) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
    }

    private static void sendAlerts(KafkaProducer<byte[], byte[]> producer, String rule, int from, int to) {
        for (int i = from; i < to; i++) {
            send(producer, TestAlerts.minimal(rule + "-" + i, rule, Severity.values()[i % Severity.values().length]));
        }
        producer.flush();
    }

    private static Future<RecordMetadata> send(KafkaProducer<byte[], byte[]> producer, Alert alert) {
        return producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.getId().getBytes(),
                ALERT_BYTES.serialize(Topics.ALERTS.name(), alert)));
    }

    /** Waits until the group has committed every record of palisade.alerts, i.e. the sink wrote all of them. */
    private static void awaitCaughtUp(KafkaBroker kafka, String group) {
        try (Admin admin = admin(kafka)) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                for (int p = 0; p < Topics.ALERTS.partitions(); p++) {
                    partitions.put(new TopicPartition(Topics.ALERTS.name(), p), OffsetSpec.latest());
                }
                return admin.listOffsets(partitions).all().get().entrySet().stream()
                        .allMatch(end -> end.getValue().offset() == 0 || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() == end.getValue().offset()));
            });
        }
    }

    private static long countByRule(ElasticsearchClient es, String rule) throws IOException {
        es.indices().refresh(r -> r.index(AlertIndex.PATTERN));
        return es.count(c -> c.index(AlertIndex.PATTERN)
                .query(q -> q.term(t -> t.field("rule.id").value(rule)))).count();
    }

    private static List<DeadLetter> deadLettersFrom(KafkaBroker kafka, RecordMetadata source) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        TopicPartition partition = new TopicPartition(Topics.DEAD_LETTERS.name(), 0);
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(config,
                Topics.DEAD_LETTERS.keySerde().deserializer(), Topics.DEAD_LETTERS.valueSerde().deserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, DeadLetter> record : consumer.poll(Duration.ofMillis(500))) {
                    DeadLetter letter = record.value();
                    if (letter.getSourcePartition() == source.partition()
                            && letter.getSourceOffset() == source.offset()) {
                        found.add(letter);
                    }
                }
            }
        }
        return found;
    }

    private static KafkaProducer<byte[], byte[]> producer(KafkaBroker kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Admin admin(KafkaBroker kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static ElasticsearchClient client(ElasticsearchNode node) {
        return ElasticsearchClient.of(b -> b.host(node.httpUrl().toString()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
