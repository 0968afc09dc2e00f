package io.palisade.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.collector.agent.CollectorAgent;
import io.palisade.collector.agent.CollectorConfig;
import io.palisade.collector.config.KafkaSettings;
import io.palisade.collector.config.PublishSettings;
import io.palisade.collector.publish.KafkaEventPublisher;
import io.palisade.devstack.DockerEnvironment;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.ContainerAction;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.ProcessEventInfo;
import io.palisade.schema.Samples;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The broker goes away for longer than the producer's (shortened) delivery timeout, so events really pass through
 * the disk spool: once the broker is back every event arrives, in order per key, once; and events spooled by an
 * agent that stopped during the outage are delivered by the next one.
 */
@ExtendWith(DevStackExtension.class)
class BrokerOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** Far below the 2 min default, so a 30 s outage outlives it. */
    private static final Map<String, String> SHORT_DELIVERY_TIMEOUT = Map.of("delivery.timeout.ms", "8000",
            "request.timeout.ms", "3000", "retry.backoff.max.ms", "1000");

    @TempDir
    Path spoolDir;

    @BeforeEach
    void topics(KafkaBroker kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
    }

    @Test
    void eventsObservedWhileTheBrokerIsDownGoThroughTheSpoolAndArriveInOrderAndOnce(KafkaBroker kafka)
            throws Exception {
        CollectorConfig config = new CollectorConfig(new KafkaSettings(kafka.bootstrapServers(),
                SHORT_DELIVERY_TIMEOUT), null, new PublishSettings(Duration.ofSeconds(2), spoolDir, null), null, null);
        DockerImageName image = DockerImageName.parse(DockerEnvironment.testImage());
        try (CollectorAgent agent = CollectorAgent.start(config, new SimpleMeterRegistry());
             GenericContainer<?> before = new GenericContainer<>(image).withCommand("sleep", "300")) {
            before.start();
            try (TopicReader<ContainerEvent> events = new TopicReader<>(kafka.bootstrapServers(),
                    Topics.CONTAINER_EVENTS)) {
                events.await("announcing the first container", r -> before.getContainerId().equals(r.key()), WAIT);
            }

            Instant down = Instant.now();
            kafka.stop();
            String containerId;
            try (GenericContainer<?> during = new GenericContainer<>(image).withCommand("sleep", "300")) {
                during.start();
                containerId = during.getContainerId();
                during.execInContainer("true");
            }
            Thread.sleep(OUTAGE.minus(Duration.between(down, Instant.now())).toMillis());
            assertThat(agent.metrics().spooledByTopic()).containsKey(Topics.CONTAINER_EVENTS.name());
            kafka.start();

            try (TopicReader<ContainerEvent> events = new TopicReader<>(kafka.bootstrapServers(),
                    Topics.CONTAINER_EVENTS)) {
                events.await("DESTROY of the container that lived during the outage", r -> containerId.equals(r.key())
                        && r.value().getEvent().getAction() == ContainerAction.DESTROY, WAIT);
                List<ContainerEvent> itsEvents = events.seen().stream().filter(r -> containerId.equals(r.key()))
                        .map(ConsumerRecord::value).toList();

                assertThat(itsEvents).extracting(e -> e.getEvent().getAction())
                        .containsSubsequence(ContainerAction.CREATE, ContainerAction.START, ContainerAction.EXEC,
                                ContainerAction.DIE, ContainerAction.DESTROY);
                assertThat(itsEvents).extracting(e -> e.getEvent().getId()).doesNotHaveDuplicates();
                assertThat(itsEvents).extracting(e -> e.getEvent().getCreated()).isSorted();
            }
            assertThat(agent.droppedEvents()).isZero();
        }
    }

    @Test
    void eventsSpooledByAnAgentStoppedDuringTheOutageAreDeliveredByTheNextOneInOrderAndOnce(KafkaBroker kafka)
            throws Exception {
        KafkaSettings kafkaSettings = new KafkaSettings(kafka.bootstrapServers(), SHORT_DELIVERY_TIMEOUT);
        PublishSettings publish = new PublishSettings(Duration.ofSeconds(1), spoolDir, null);
        String run = UUID.randomUUID().toString();
        List<String> keys = List.of(run + "-a", run + "-b", run + "-c");
        int count = 60;

        kafka.stop();
        try (KafkaEventPublisher first = KafkaEventPublisher.start(kafkaSettings, publish, "outage-it-first",
                new SimpleMeterRegistry())) {
            for (int i = 0; i < count; i++) {
                first.publish(Topics.PROCESS_EVENTS, keys.get(i % keys.size()), event(run, i));
            }
            first.close();
            assertThat(first.metrics().spoolRecords()).isEqualTo(count);
        }
        kafka.start();

        try (KafkaEventPublisher next = KafkaEventPublisher.start(kafkaSettings, publish, "outage-it-next",
                new SimpleMeterRegistry());
             TopicReader<ProcessEvent> events = new TopicReader<>(kafka.bootstrapServers(), Topics.PROCESS_EVENTS)) {
            // Keys land on different partitions: wait for the last event of every key, not just the last one.
            for (int last = count - keys.size(); last < count; last++) {
                String id = run + "-" + last;
                events.await("event " + id + " spooled before the restart",
                        r -> r.value().getEvent().getId().equals(id), WAIT);
            }
            Map<String, List<Integer>> sequenceByKey = events.seen().stream().filter(r -> keys.contains(r.key()))
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(
                            r -> Integer.parseInt(r.value().getEvent().getId().substring(run.length() + 1)),
                            Collectors.toList())));

            assertThat(sequenceByKey).containsOnlyKeys(keys);
            for (int k = 0; k < keys.size(); k++) {
                int first = k;
                assertThat(sequenceByKey.get(keys.get(k))).as("events of key %s", keys.get(k))
                        .containsExactlyElementsOf(IntStream.iterate(first, i -> i < count,
                                i -> i + keys.size()).boxed().toList());
            }
            await().atMost(WAIT).until(() -> next.metrics().spoolRecords() == 0);
            assertThat(next.metrics().droppedTotal()).isZero();
        }
    }

    private static ProcessEvent event(String run, int sequence) {
        ProcessEvent sample = Samples.processEvent();
        return ProcessEvent.newBuilder(sample)
                .setEvent(ProcessEventInfo.newBuilder(sample.getEvent()).setId(run + "-" + sequence).build()).build();
    }
}
