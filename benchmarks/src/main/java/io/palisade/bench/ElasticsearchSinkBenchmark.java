package io.palisade.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.devstack.DevStack;
import io.palisade.schema.Alert;
import io.palisade.schema.Samples;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import io.palisade.sinks.ConfiguredSink;
import io.palisade.sinks.SinkMetrics;
import io.palisade.sinks.SinkSettings;
import io.palisade.sinks.SinksApp;
import io.palisade.sinks.elasticsearch.AlertDocument;
import io.palisade.sinks.elasticsearch.AlertIndex;
import io.palisade.sinks.elasticsearch.AlertIndexTemplate;
import io.palisade.sinks.elasticsearch.ElasticsearchAlertSink;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Alerts per second the Elasticsearch sink indexes, against a raw {@code _bulk} of the same documents.
 *
 * <p>Starts the devstack (Kafka and Elasticsearch child JVMs), produces N distinct alerts ({@code Samples.alert()}
 * with its own id each, all of one day) to {@code palisade.alerts}, then times (1) a {@link SinksApp} with one
 * {@link ElasticsearchAlertSink}, from its start until the day's index holds N documents, and (2) in the same run,
 * the same documents ({@link AlertDocument#of}) sent straight to {@code _bulk} in batches of the same size, one
 * after the other, into a separate index of the same template. The ratio sink / raw shows what reading Kafka,
 * decoding Avro and committing offsets cost; the target is at least 0.8.
 *
 * <p>Both legs are timed warm: each first runs, untimed, over N/2 other alerts of another day (the sink in the same
 * consumer group, which then resumes after them), so neither pays alone for JIT compilation of its own code paths
 * in this JVM, and Elasticsearch has indexed N documents before either is timed. Measured without that, the sink's
 * first batches (decoded by a cold JVM, indexed by a node that had seen a tenth of N documents) took two to four
 * times as long as its last ones.
 * Usage: {@code bin/bench ElasticsearchSink [alerts, default 100000] [batch size, default 1000]}.
 */
public final class ElasticsearchSinkBenchmark {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private ElasticsearchSinkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String run = UUID.randomUUID().toString().substring(0, 8);
        // A day of its own per run, so the sink's index holds this run's alerts only.
        Instant day = Instant.parse("2001-01-01T00:00:00Z").plus(Duration.ofDays(Math.floorMod(run.hashCode(), 9000)));
        System.out.printf("ElasticsearchSink: %d alerts, batch size %d%n", alerts, batchSize);
        List<Alert> warmup = alerts(Math.max(1, alerts / 2), run + "-warmup", day.minus(Duration.ofDays(1)));
        List<Alert> batch = alerts(alerts, run, day);
        SinkSettings settings = SinkSettings.defaults("bench-" + run).withBatch(batchSize, Duration.ofMillis(200));
        ScratchDirectory.use("palisade-bench-logs-", logs -> {
            try (DevStack stack = DevStack.inTemporaryDirectory(logs)) {
                stack.start();
                System.out.printf("devstack started in %.1f s%n", stack.startupTime().toMillis() / 1000.0);
                String bootstrap = stack.kafka().bootstrapServers();
                try (ElasticsearchClient es = ElasticsearchClient.of(b -> b.host(stack.elasticsearch().httpUrl()))) {
                    produce(bootstrap, warmup);
                    Result warmSink = sink(bootstrap, stack, es, AlertIndex.of(warmup.getFirst()), warmup.size(),
                            settings);
                    Result warmRaw = rawBulk(es, warmup, batchSize, "palisade-alerts-warmup-" + run);
                    System.out.printf("warm-up (untimed legs, %,d other alerts): sink %,.0f alerts/s, "
                            + "raw %,.0f alerts/s%n", warmup.size(), warmSink.rate(), warmRaw.rate());
                    produce(bootstrap, batch);
                    Result sink = sink(bootstrap, stack, es, AlertIndex.of(batch.getFirst()), alerts, settings);
                    Result raw = rawBulk(es, batch, batchSize, "palisade-alerts-raw-" + run);
                    System.out.printf("sink (Kafka -> SinkRunner -> _bulk): %,d alerts in %.1f s = %,.0f alerts/s%n",
                            sink.alerts(), sink.seconds(), sink.rate());
                    System.out.printf("raw _bulk (same documents, batch %d): %,d alerts in %.1f s = %,.0f alerts/s%n",
                            batchSize, raw.alerts(), raw.seconds(), raw.rate());
                    System.out.printf("ratio sink / raw: %.2f (target >= 0.80)%n", sink.rate() / raw.rate());
                }
            }
        });
    }

    private static List<Alert> alerts(int count, String run, Instant day) {
        List<Alert> alerts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // Set in place: Alert.newBuilder(alert) deep-copies through Avro's class allow-list, which refuses ours.
            Alert alert = Samples.alert();
            alert.put("id", "bench-" + run + "-" + i);
            alert.put("first_seen", day);
            alert.put("last_seen", day.plusSeconds(30));
            alerts.add(alert);
        }
        return alerts;
    }

    private static void produce(String bootstrap, List<Alert> alerts) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        Serializer<String> keys = Topics.ALERTS.keySerde().serializer();
        Serializer<Alert> values = Topics.ALERTS.valueSerde().serializer();
        long began = System.nanoTime();
        // Not idempotent: on partitions created a moment ago the broker sometimes answered NOT_LEADER to a batch it
        // had appended, and the idempotent producer's retry then failed with out-of-order sequence numbers until its
        // delivery timeout. A retried batch is now appended twice at worst: the sink overwrites those alerts.
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1), keys, values)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(alerts.size());
            for (Alert alert : alerts) {
                sent.add(producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.getId(), alert)));
            }
            producer.flush();
            // A send that timed out would leave the sink leg waiting for alerts that never come.
            for (Future<RecordMetadata> each : sent) {
                each.get();
            }
        }
        System.out.printf("produced %,d alerts to %s in %.1f s%n", alerts.size(), Topics.ALERTS.name(),
                (System.nanoTime() - began) / 1e9);
    }

    private static Result sink(String bootstrap, DevStack stack, ElasticsearchClient es, String index, int alerts,
                               SinkSettings settings) throws Exception {
        long began = System.nanoTime();
        try (SinksApp app = SinksApp.start(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), List.of(
                new ConfiguredSink(settings, ElasticsearchAlertSink.connect(stack.elasticsearch().httpUrl()))),
                new SimpleMeterRegistry())) {
            long indexed = awaitCount(es, index, alerts, app);
            double seconds = (System.nanoTime() - began) / 1e9;
            // Untimed: the next run in this group then starts after these alerts, not with a few of them again.
            awaitCommitted(bootstrap, settings.consumerGroup());
            SinkMetrics.Snapshot metrics = app.metrics().getFirst();
            System.out.printf("sink: %d batches, mean write %.0f ms, %d retried, %d dead-lettered%n",
                    metrics.batches(), 1000 * metrics.latencySumSeconds() / Math.max(1, metrics.latencyCount()),
                    metrics.retried(), metrics.deadLettered());
            return new Result(indexed, seconds);
        }
    }

    /** Waits until the sink's group has committed everything on the topic, so the next run starts after it. */
    private static void awaitCommitted(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            for (int p = 0; p < Topics.ALERTS.partitions(); p++) {
                partitions.put(new TopicPartition(Topics.ALERTS.name(), p), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
                    admin.listOffsets(partitions).all().get();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                if (ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                        || (committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue().offset()))) {
                    return;
                }
                Thread.sleep(POLL.toMillis());
            }
            throw new IllegalStateException(group + " did not commit every alert within " + TIMEOUT);
        }
    }

    private static long awaitCount(ElasticsearchClient es, String index, int alerts, SinksApp app) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.failures().isEmpty()) {
                throw new IllegalStateException("the sink stopped: " + app.failures());
            }
            // Refreshing while the sink indexes would slow it down (a segment per refresh) and the raw leg
            // refreshes once, at its end: so wait for the sink's own count of acknowledged alerts, then refresh once.
            if (app.metrics().getFirst().written() >= alerts) {
                es.indices().refresh(r -> r.index(index));
                long count = es.count(c -> c.index(index)).count();
                if (count >= alerts) {
                    return count;
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("the sink did not index " + alerts + " alerts within " + TIMEOUT + ": "
                + app.metrics().getFirst());
    }

    /** The same documents through the same client, straight to {@code _bulk}, one batch after the other. */
    private static Result rawBulk(ElasticsearchClient es, List<Alert> alerts, int batchSize, String index)
            throws IOException {
        AlertIndexTemplate.install(es);
        long began = System.nanoTime();
        for (int from = 0; from < alerts.size(); from += batchSize) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (Alert alert : alerts.subList(from, Math.min(alerts.size(), from + batchSize))) {
                Map<String, Object> document = AlertDocument.of(alert);
                bulk.operations(op -> op.index(i -> i.index(index).id(alert.getId()).document(document)));
            }
            BulkResponse response = es.bulk(bulk.build());
            if (response.errors()) {
                throw new IllegalStateException("raw _bulk failed: " + response.items().stream()
                        .filter(item -> item.error() != null).findFirst().orElseThrow().error());
            }
        }
        es.indices().refresh(r -> r.index(index));
        long count = es.count(c -> c.index(index)).count();
        return new Result(count, (System.nanoTime() - began) / 1e9);
    }

    private record Result(long alerts, double seconds) {
        double rate() {
            return alerts / seconds;
        }
    }
}
