package io.palisade.sinks.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.Alert;
import io.palisade.schema.DeadLetter;
import io.palisade.schema.Severity;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import io.palisade.sinks.ConfiguredSink;
import io.palisade.sinks.SinkSettings;
import io.palisade.sinks.SinksApp;
import io.palisade.sinks.TestAlerts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sinks process with a Slack sink, end to end: alerts on palisade.alerts of a real Kafka broker, messages at a
 * real HTTP server answering like Slack, and what Slack rejects on palisade.deadletter.
 */
@ExtendWith(DevStackExtension.class)
class SlackSinkIT {

    private static final int ALERTS = 30;

    @Test
    void alertsOnTheTopicArePostedToSlackAndARejectedOneIsDeadLettered(KafkaBroker kafka) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String rule = "PAL-SLACK-IT-" + run;
        String poison = "poison-" + run;
        Map<String, Object> kafkaProperties = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        RecordMetadata poisoned;
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(kafkaProperties,
                Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer())) {
            for (int i = 0; i < ALERTS; i++) {
                Alert alert = TestAlerts.minimal("slack-it-" + run + "-" + i, rule, Severity.ALERT);
                producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.getId(), alert));
            }
            // The most severe, so it is posted on its own, never inside a digest.
            Alert rejected = TestAlerts.minimalBuilder("slack-it-" + run + "-rejected", rule, Severity.EMERGENCY)
                    .setMessage("alert " + poison).build();
            poisoned = producer.send(new ProducerRecord<>(Topics.ALERTS.name(), rejected.getId(), rejected)).get();
        }

        try (FakeSlackWebhook slack = new FakeSlackWebhook("itSecret" + run).rejectBodiesContaining(poison)) {
            SlackAlertSink sink = new SlackAlertSink(SlackSettings.defaults(List.of(
                    new SlackRoute(Severity.ALERT, SlackWebhook.of(slack.url())))));
            try (SinksApp app = SinksApp.start(kafkaProperties, List.of(new ConfiguredSink(
                    SinkSettings.defaults("slack-" + run).withMinimumSeverity(Severity.ALERT), sink)), new SimpleMeterRegistry())) {
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                        assertThat(alertsOfRule(slack.accepted(), rule)).isEqualTo(ALERTS));
                assertThat(app.failures()).isEmpty();
            }
            assertThat(slack.received()).filteredOn(received -> received.body().contains(poison))
                    .extracting(FakeSlackWebhook.Received::status).containsOnly(400);
        }

        DeadLetter letter = awaitDeadLetter(kafka, poisoned);
        assertThat(letter.getReason()).contains("invalid_payload").contains("payload shape: {text:string(")
                .doesNotContain(poison).doesNotContain("itSecret");
        assertThat(letter.getErrorClass()).isEqualTo("slack:invalid_payload");
    }

    /** Alerts of {@code rule} Slack accepted: one per message of its own, plus the rule's line of each digest. */
    private static long alertsOfRule(List<FakeSlackWebhook.Received> messages, String rule) {
        Pattern digestLine = Pattern.compile("`" + Pattern.quote(rule) + "` [^\\n]*: (\\d+)$", Pattern.MULTILINE);
        long alerts = 0;
        for (FakeSlackWebhook.Received message : messages) {
            if (message.text().contains("Palisade digest")) {
                for (String text : SlackPayloadsTest.texts(message.json())) {
                    Matcher line = digestLine.matcher(text);
                    while (text.startsWith("*By rule*") && line.find()) {
                        alerts += Long.parseLong(line.group(1));
                    }
                }
            } else if (message.text().contains(rule)) {
                alerts++;
            }
        }
        return alerts;
    }

    private static DeadLetter awaitDeadLetter(KafkaBroker kafka, RecordMetadata source) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(config,
                Topics.DEAD_LETTERS.keySerde().deserializer(), Topics.DEAD_LETTERS.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTERS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<DeadLetter> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, DeadLetter> record : consumer.poll(Duration.ofMillis(500))) {
                    DeadLetter letter = record.value();
                    if (letter.getSourceTopic().equals(source.topic())
                            && letter.getSourcePartition() == source.partition()
                            && letter.getSourceOffset() == source.offset()) {
                        found.add(letter);
                    }
                }
                return !found.isEmpty();
            });
            return found.getFirst();
        }
    }
}
