package io.palisade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.Alert;
import io.palisade.schema.Rule;
import io.palisade.schema.Samples;
import io.palisade.schema.serde.TrustedRecords;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

@ExtendWith(DevStackExtension.class)
class AlertsTailIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void trustGeneratedRecords() {
        TrustedRecords.install();
    }

    @Test
    void jsonFromBeginningPrintsExactlyTheAlertsOfTheRuleWithRepeatsAsUpdates(KafkaBroker kafka) throws Exception {
        String rule = "PAL-IT-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, List.of(Topics.ALERTS));
        }
        Alert first = alert(rule, rule + ":a", 1);
        Alert second = alert(rule, rule + ":b", 1);
        Alert firstRepeated = alert(rule, rule + ":a", 4);
        produce(kafka, List.of(first, alert("PAL-OTHER-" + UUID.randomUUID(), "other", 1), second, firstRepeated));

        StringWriter out = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread tail = Thread.ofPlatform().start(() -> exitCode.set(new CommandLine(new Palisade())
                .setOut(new PrintWriter(out, true))
                .execute("alerts", "tail", "--json", "--from-beginning", "--rule", rule,
                        "--bootstrap-server", kafka.bootstrapServers())));

        await().atMost(Duration.ofSeconds(60)).until(() -> lines(out).size() >= 3);
        tail.interrupt();
        tail.join(Duration.ofSeconds(30));

        assertThat(tail.isAlive()).isFalse();
        assertThat(exitCode.get()).isZero();
        List<JsonNode> printed = new ArrayList<>();
        for (String line : lines(out)) {
            printed.add(JSON.readTree(line));
        }
        // Partitions are read in parallel: order holds per alert id (one key, one partition), not across ids.
        assertThat(printed).extracting(node -> node.get("id").asText() + " count=" + node.get("count").asLong()
                        + " update=" + node.get("update").asBoolean())
                .containsExactlyInAnyOrder(rule + ":a count=1 update=false", rule + ":b count=1 update=false",
                        rule + ":a count=4 update=true");
        assertThat(printed).allSatisfy(node -> assertThat(node.at("/rule/id").asText()).isEqualTo(rule));
        assertThat(printed.stream().filter(node -> node.get("id").asText().endsWith(":a")).map(n -> n.get("count")
                .asLong())).containsExactly(1L, 4L);
    }

    private static Alert alert(String ruleId, String id, long count) {
        return Alert.newBuilder(Samples.alert()).setId(id)
                .setRule(Rule.newBuilder(Samples.alert().getRule()).setId(ruleId).build()).setCount(count).build();
    }

    private static void produce(KafkaBroker kafka, List<Alert> alerts) {
        try (KafkaProducer<String, Alert> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                Topics.ALERTS.keySerde().serializer(), Topics.ALERTS.valueSerde().serializer())) {
            alerts.forEach(alert -> producer.send(new ProducerRecord<>(Topics.ALERTS.name(), alert.getId(), alert)));
        }
    }

    private static List<String> lines(StringWriter out) {
        return out.toString().lines().filter(line -> !line.isBlank()).toList();
    }
}
