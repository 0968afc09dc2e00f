package io.palisade.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.processor.support.AlertIds;
import io.palisade.rules.RuleEngine;
import io.palisade.runtime.metrics.ServiceMetrics;
import io.palisade.runtime.ops.OpsServer;
import io.palisade.schema.Alert;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerEventInfo;
import io.palisade.schema.DeadLetter;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.Samples;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The processor, exactly-once, on the real broker: events in, enriched and counted alerts out; corrupt bytes dead-lettered once. */
@ExtendWith(DevStackExtension.class)
class ProcessorIT {

    private static final String APPLICATION_ID = "palisade-processor-it";

    private static final RuleEngine RULES = RuleEngine.load(List.of());

    /** Short emission interval so the test sees the updated counts quickly. */
    private static final ProcessorConfig CONFIG = ProcessorConfig.defaults()
            .withSuppression(Duration.ofSeconds(1), ProcessorConfig.defaults().suppressionGrace());

    @TempDir
    static Path stateDir;

    /** One processor for all tests of this class (each test uses its own containers): one start-up, not three. */
    private static KafkaStreams streams;
    private static KafkaTestClient client;
    private static ServiceMetrics metrics;
    private static KafkaStreamsMetrics streamsMetrics;
    private static OpsServer ops;

    @BeforeAll
    static void start(KafkaBroker kafka) {
        client = new KafkaTestClient(kafka);
        metrics = ServiceMetrics.create("processor", "it");
        streams = new KafkaStreams(SecurityTopology.build(CONFIG, RULES, Clock.systemUTC(), metrics.registry()),
                CONFIG.withKafka(client.bootstrapServers(), APPLICATION_ID, stateDir, 1).streamsProperties());
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(metrics.registry());
        ops = OpsServer.start(new InetSocketAddress("127.0.0.1", 0),
                () -> new OpsServer.Health(true, "kafka-streams " + streams.state()), metrics.registry());
        streams.start();
    }

    @AfterAll
    static void stop() {
        ops.close();
        streams.close();
        streamsMetrics.close();
        metrics.close();
    }

    @Test
    void aPrivilegedContainerEventBecomesOneCommittedAlert() throws Exception {
        ContainerEvent sample = Samples.containerEvent();
        ContainerEvent privileged = ContainerEvent.newBuilder(sample).setEvent(ContainerEventInfo.newBuilder(
                sample.getEvent()).setCreated(recentWindowStart()).build()).build();
        client.send(Topics.CONTAINER_EVENTS, List.of(Map.entry(privileged.getContainer().getId(), privileged)),
                e -> e.getEvent().getCreated());

        List<Alert> alerts = client.readCommitted(Topics.ALERTS, a -> a.getRule().getId().equals("PAL-CNT-001"),
                found -> !found.isEmpty(), Duration.ofSeconds(150));

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.getContainer()).isEqualTo(privileged.getContainer());
            assertThat(alert.getEvidenceEventIds()).containsExactly(privileged.getEvent().getId());
        });
        // Counted as it left the topology, so before the commit that made it readable.
        assertThat(scrape()).containsPattern(
                        "(?m)^palisade_processor_alerts_total\\{rule=\"PAL-CNT-001\",severity=\"error\"} [1-9]")
                .containsPattern("(?m)^process_resident_memory_bytes [1-9]")
                .contains("jvm_memory_used_bytes{area=\"heap\"", "kafka_stream_thread_process_total{",
                        "palisade_build_info{service=\"processor\",version=\"it\"} 1");
    }

    private static final Map<String, Long> EXPECTED = Map.of("PAL-PROC-006", 3L, "PAL-PROC-002", 1L,
            "PAL-FILE-002", 1L);

    /**
     * A recorded scenario: the inventory record of a privileged container, then inside it three nsenter runs, one apt
     * run and /etc/passwd replaced, the events knowing only the container id.
     */
    @Test
    void aContainerScenarioBecomesEnrichedAndCountedAlerts() throws Exception {
        String containerId = TestEvents.newContainerId();
        Instant t = recentWindowStart();
        client.send(Topics.CONTAINER_INVENTORY, List.of(Map.entry(containerId, TestEvents.inventory(containerId))),
                e -> t);
        List<ProcessEvent> processes = List.of(
                TestEvents.exec(containerId, "nsenter", "s-1", t.plusSeconds(1)),
                TestEvents.exec(containerId, "apt", "s-2", t.plusSeconds(2)),
                TestEvents.exec(containerId, "nsenter", "s-3", t.plusSeconds(3)),
                TestEvents.exec(containerId, "nsenter", "s-4", t.plusSeconds(4)));
        client.send(Topics.PROCESS_EVENTS, processes.stream().map(e -> Map.entry(containerId, e)).toList(),
                e -> e.getEvent().getCreated());
        client.send(Topics.FILE_EVENTS, List.of(Map.entry(containerId,
                TestEvents.passwdReplaced(containerId, "s-5", t.plusSeconds(5)))), e -> e.getEvent().getCreated());

        List<Alert> alerts = client.readCommitted(Topics.ALERTS,
                a -> a.getContainer() != null && a.getContainer().getId().equals(containerId),
                found -> latestCountByRule(found).entrySet().containsAll(EXPECTED.entrySet()),
                Duration.ofSeconds(150));

        assertThat(latestCountByRule(alerts)).containsAllEntriesOf(EXPECTED);
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.getContainer()).isEqualTo(TestEvents.container(containerId));
            assertThat(alert.getTags()).doesNotContain(RuleEvaluator.INVENTORY_MISSING_TAG);
        });
        assertThat(alerts).filteredOn(a -> a.getRule().getId().equals("PAL-PROC-006"))
                .extracting(Alert::getId).containsOnly(alerts.stream()
                        .filter(a -> a.getRule().getId().equals("PAL-PROC-006")).findFirst().orElseThrow().getId());
        assertThat(alerts.stream().filter(a -> a.getRule().getId().equals("PAL-PROC-006")).toList().getLast()
                .getEvidenceEventIds()).containsExactly("s-1", "s-3", "s-4");
    }

    @Test
    void corruptBytesOnAnEventTopicBecomeOneDeadLetterAndProcessingContinues(KafkaBroker kafka) throws Exception {
        String container = Samples.processEvent().getContainer().getId();
        byte[] corrupt = "definitely not avro".getBytes();
        RecordMetadata first = client.sendRaw(Topics.PROCESS_EVENTS, container, corrupt);
        client.sendRaw(Topics.PROCESS_EVENTS, container,
                Topics.PROCESS_EVENTS.valueSerde().serializer().serialize("", Samples.processEvent()));
        TopicPartition partition = new TopicPartition(first.topic(), first.partition());

        List<DeadLetter> letters = client.readCommitted(Topics.DEAD_LETTERS,
                l -> l.getSourceTopic().equals(Topics.PROCESS_EVENTS.name())
                        && l.getSourcePartition() == partition.partition() && l.getSourceOffset() == first.offset(),
                found -> !found.isEmpty(),
                Duration.ofSeconds(150));
        awaitCommittedOffset(kafka, partition, first.offset() + 2, Duration.ofSeconds(60));

        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.getSourcePartition()).isEqualTo(partition.partition());
            assertThat(letter.getSourceOffset()).isEqualTo(first.offset());
            assertThat(letter.getReason()).contains("not Avro single-object encoded");
            assertThat(letter.getValue().array()).isEqualTo(corrupt);
        });
    }

    /**
     * Event times of the ITs are recent, like real ones: the broker's retention would delete records stamped with an
     * old sample time before the processor reads them. The start of the current alert window leaves the test a whole
     * window of event time.
     */
    static Instant recentWindowStart() {
        return AlertIds.windowStart(Instant.now(), CONFIG.alertWindow());
    }

    /** The count of the last record written per rule: with suppression, the alert as sinks finally hold it. */
    private static Map<String, Long> latestCountByRule(List<Alert> alerts) {
        return alerts.stream().collect(Collectors.toMap(a -> a.getRule().getId(), Alert::getCount, (a, b) -> b));
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

    private static String scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ops.port() + "/metrics")).build(), BodyHandlers.ofString()).body();
    }
}
