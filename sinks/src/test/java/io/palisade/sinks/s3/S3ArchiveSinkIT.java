package io.palisade.sinks.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.S3Server;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.Alert;
import io.palisade.schema.Severity;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import io.palisade.sinks.ConfiguredSink;
import io.palisade.sinks.SinkFailedException;
import io.palisade.sinks.SinkSettings;
import io.palisade.sinks.SinksApp;
import io.palisade.sinks.TestAlerts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 archive against a real Kafka broker and a real S3-compatible server (S3Proxy). */
@ExtendWith(DevStackExtension.class)
class S3ArchiveSinkIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ALERTS = 300;

    @Test
    void alertsAreArchivedAsGzippedNdjsonAndAReplayRewritesTheSameKeys(KafkaBroker kafka, S3Server s3)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String ruleId = "PAL-S3-IT-" + run;
        S3ArchiveSettings settings = new S3ArchiveSettings(s3.endpoint(), s3.region(), "palisade-it-" + run,
                "alerts/", true, s3.accessKey(), s3.secretKey());
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        produce(kafka, ruleId, hour);

        archive(kafka, settings, "s3-first-" + run, 7);
        List<String> keysAfterFirstPass;
        try (S3Client client = settings.client()) {
            keysAfterFirstPass = keys(client, settings);
            assertThat(keysAfterFirstPass).allMatch(key -> key.matches(
                    "alerts/dt=\\d{4}-\\d{2}-\\d{2}/hour=\\d{2}/\\d+-\\d+-\\d+\\.ndjson\\.gz"));
            assertThat(keysAfterFirstPass).anyMatch(key -> key.contains("/hour=%02d/".formatted(
                    hour.atZone(ZoneOffset.UTC).getHour())));
            assertThat(keysAfterFirstPass).anyMatch(key -> key.contains("/hour=%02d/".formatted(
                    hour.plus(Duration.ofHours(1)).atZone(ZoneOffset.UTC).getHour())));
        }

        // The same offsets read again by a sink that batches differently, as after offsets are reset.
        archive(kafka, settings, "s3-replay-" + run, 50);

        try (S3Client client = settings.client()) {
            assertThat(keys(client, settings)).containsExactlyInAnyOrderElementsOf(keysAfterFirstPass);
            List<JsonNode> ours = lines(client, settings).stream()
                    .filter(line -> line.at("/rule/id").asText().equals(ruleId)).toList();
            assertThat(ours).hasSize(ALERTS);
            assertThat(ours).extracting(line -> line.get("id").asText()).doesNotHaveDuplicates();
        }
    }

    @Test
    void aMissingBucketTheSinkMayNotCreateStopsTheSinkWithoutCommitting(KafkaBroker kafka, S3Server s3)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        S3ArchiveSettings settings = new S3ArchiveSettings(s3.endpoint(), s3.region(), "absent-" + run,
                "alerts/", false, s3.accessKey(), s3.secretKey());
        produce(kafka, "PAL-S3-IT-" + run, Instant.now());
        SinksApp app = SinksApp.start(kafkaProperties(kafka), List.of(new ConfiguredSink(
                SinkSettings.defaults("s3-absent-" + run), S3ArchiveSink.connect(settings))), new SimpleMeterRegistry());
        try (app) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !app.failures().isEmpty());
        }
        assertThat(app.failures()).singleElement().isInstanceOf(SinkFailedException.class)
                .extracting(Throwable::getMessage).asString().doesNotContain(s3.secretKey());
    }

    private static void produce(KafkaBroker kafka, String ruleId, Instant hour) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(kafkaProperties(kafka),
                Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer())) {
            for (int i = 0; i < ALERTS; i++) {
                Alert alert = TestAlerts.minimal(ruleId + "-" + i, ruleId, Severity.WARNING);
                // Half in one hour, half in the next, so objects land in two hour folders.
                long timestamp = hour.plus(Duration.ofMinutes(i < ALERTS / 2 ? 10 : 70)).toEpochMilli();
                producer.send(new ProducerRecord<>(Topics.ALERTS.name(), null, timestamp, alert.getId(), alert));
            }
            producer.flush();
        }
    }

    /** Runs a sink until everything on palisade.alerts is archived (its group has no lag), then stops it. */
    private static void archive(KafkaBroker kafka, S3ArchiveSettings settings, String name, int batchSize)
            throws Exception {
        SinkSettings sinkSettings = SinkSettings.defaults(name).withBatch(batchSize, Duration.ofMillis(200));
        try (SinksApp app = SinksApp.start(kafkaProperties(kafka),
                List.of(new ConfiguredSink(sinkSettings, S3ArchiveSink.connect(settings))), new SimpleMeterRegistry());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(90)).until(() -> caughtUp(admin, sinkSettings.consumerGroup()));
            assertThat(app.failures()).isEmpty();
        }
    }

    private static boolean caughtUp(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        int partitions = admin.describeTopics(List.of(Topics.ALERTS.name())).allTopicNames().get()
                .get(Topics.ALERTS.name()).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed().collect(Collectors.toMap(
                p -> new TopicPartition(Topics.ALERTS.name(), p), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                || committed.containsKey(end.getKey())
                && committed.get(end.getKey()).offset() >= end.getValue().offset());
    }

    private static Map<String, Object> kafkaProperties(KafkaBroker kafka) {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    }

    private static List<String> keys(S3Client client, S3ArchiveSettings settings) {
        return client.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(settings.prefix())).contents()
                .stream().map(S3Object::key).toList();
    }

    private static List<JsonNode> lines(S3Client client, S3ArchiveSettings settings) {
        List<JsonNode> lines = new ArrayList<>();
        for (String key : keys(client, settings)) {
            byte[] gzipped = client.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(key)).asByteArray();
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    lines.add(JSON.readTree(line));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(key, e);
            }
        }
        return lines;
    }
}
