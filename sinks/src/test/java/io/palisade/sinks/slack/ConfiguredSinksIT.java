package io.palisade.sinks.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.devstack.ElasticsearchNode;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.S3Server;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.Alert;
import io.palisade.schema.Severity;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import io.palisade.sinks.SinkMetrics;
import io.palisade.sinks.SinksApp;
import io.palisade.sinks.TestAlerts;
import io.palisade.sinks.config.SinksConfig;
import io.palisade.sinks.elasticsearch.AlertIndex;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code palisade sinks --config FILE}, end to end: one YAML file with an Elasticsearch, a Slack and an S3 sink,
 * alerts on palisade.alerts of a real Kafka broker, a real Elasticsearch node and S3 server, and an HTTP server
 * answering like Slack. The Slack sink keeps only container alerts ({@code tags_any}). Lives in this package for
 * {@link FakeSlackWebhook}.
 */
@ExtendWith(DevStackExtension.class)
class ConfiguredSinksIT {

    private static final int PER_TAG = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyDestinationOfTheFileReceivesTheAlertsAndTheTagFilteredOneOnlyMatchingOnes(KafkaBroker kafka,
            ElasticsearchNode elasticsearch, S3Server s3) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String containerRule = "PAL-CFG-C-" + run;
        String hostRule = "PAL-CFG-H-" + run;
        Map<String, Object> kafkaProperties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        produce(kafkaProperties, containerRule, hostRule, run);
        String bucket = "palisade-cfg-" + run;

        try (FakeSlackWebhook slack = new FakeSlackWebhook("cfgSecret" + run)) {
            String yaml = """
                    sinks:
                      - name: es-%1$s
                        type: elasticsearch
                        batch_linger: 200ms
                        elasticsearch: {url: %2$s}
                      - name: slack-%1$s
                        type: slack
                        min_severity: alert
                        tags_any: [container]
                        batch_linger: 200ms
                        slack:
                          routes:
                            - {min_severity: alert, webhook_url: "${IT_SLACK_WEBHOOK}"}
                          max_messages_per_minute: 600
                      - name: s3-%1$s
                        type: s3
                        batch_linger: 200ms
                        s3:
                          endpoint: %3$s
                          region: %4$s
                          bucket: %5$s
                          access_key: %6$s
                          secret_key: ${IT_S3_SECRET}
                    """.formatted(run, elasticsearch.httpUrl(), s3.endpoint(), s3.region(), bucket, s3.accessKey());
            SinksConfig config = SinksConfig.binder().load(Optional.of(Files.writeString(
                    Files.createTempFile("sinks-it", ".yml"), yaml)),
                    Map.of("IT_SLACK_WEBHOOK", slack.url(), "IT_S3_SECRET", s3.secretKey()), Map.of());

            try (SinksApp app = SinksApp.start(kafkaProperties, config.open(), new SimpleMeterRegistry());
                 ElasticsearchClient es = ElasticsearchClient.of(b -> b.host(elasticsearch.httpUrl().toString()));
                 S3Client s3Client = s3Client(s3)) {
                // Elasticsearch answers 503 while a new daily index's shard is still being allocated: poll on.
                await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(() -> {
                    assertThat(countByRule(es, containerRule)).isEqualTo(PER_TAG);
                    assertThat(countByRule(es, hostRule)).isEqualTo(PER_TAG);
                    assertThat(archivedRules(s3Client, bucket)).filteredOn(containerRule::equals).hasSize(PER_TAG);
                    assertThat(archivedRules(s3Client, bucket)).filteredOn(hostRule::equals).hasSize(PER_TAG);
                    assertThat(slack.accepted()).filteredOn(m -> m.text().contains(containerRule)).hasSize(PER_TAG);
                });
                assertThat(slack.received()).noneMatch(m -> m.body().contains(hostRule));
                assertThat(app.failures()).isEmpty();
                SinkMetrics.Snapshot slackMetrics = app.metrics().get(1);
                assertThat(slackMetrics.sink()).isEqualTo("slack-" + run);
                assertThat(slackMetrics.written()).isEqualTo(PER_TAG);
                assertThat(slackMetrics.filtered()).isGreaterThanOrEqualTo(PER_TAG);
            }
        }
    }

    private static void produce(Map<String, Object> kafkaProperties, String containerRule, String hostRule,
                                String run) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafkaProperties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(kafkaProperties,
                Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer())) {
            for (int i = 0; i < PER_TAG; i++) {
                send(producer, TestAlerts.minimalBuilder("cfg-c-" + run + "-" + i, containerRule, Severity.ALERT)
                        .setTags(List.of("container")).build());
                send(producer, TestAlerts.minimalBuilder("cfg-h-" + run + "-" + i, hostRule, Severity.ALERT)
                        .setTags(List.of("host")).build());
            }
            producer.flush();
        }
    }

    private static void send(KafkaProducer<String, Alert> producer, Alert alert) {
        producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.getId(), alert));
    }

    private static long countByRule(ElasticsearchClient es, String rule) throws IOException {
        es.indices().refresh(r -> r.index(AlertIndex.PATTERN));
        return es.count(c -> c.index(AlertIndex.PATTERN)
                .query(q -> q.term(t -> t.field("rule.id").value(rule)))).count();
    }

    private static S3Client s3Client(S3Server s3) {
        return S3Client.builder().endpointOverride(s3.endpoint()).region(Region.of(s3.region())).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()))).build();
    }

    /** The rule id of every archived alert line of {@code bucket}; none while the bucket does not exist yet. */
    private static List<String> archivedRules(S3Client client, String bucket) {
        if (client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
            return List.of();
        }
        List<String> rules = new ArrayList<>();
        for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            byte[] gzipped = client.getObjectAsBytes(b -> b.bucket(bucket).key(object.key())).asByteArray();
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    JsonNode alert = JSON.readTree(line);
                    rules.add(alert.at("/rule/id").asText());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(object.key(), e);
            }
        }
        return rules;
    }
}
