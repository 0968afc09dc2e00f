package io.palisade.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.palisade.devstack.DockerEnvironment;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.ContainerAction;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The broker goes away for 30 s while a container lives and dies: the sources keep observing, and once the broker is
 * back every event arrives, in the engine's order, once. Outages longer than the producer's delivery timeout (two
 * minutes) need the disk spool, which does not exist yet.
 */
@ExtendWith(DevStackExtension.class)
class BrokerOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void eventsObservedWhileTheBrokerIsDownArriveAfterItReturnsInOrderAndOnce(KafkaBroker kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        DockerImageName image = DockerImageName.parse(DockerEnvironment.testImage());
        try (CollectorAgent agent = CollectorAgent.start(CollectorConfig.defaults(kafka.bootstrapServers()));
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
            Thread.sleep(Duration.ofSeconds(OUTAGE.minus(Duration.between(down, Instant.now())).toSeconds()));
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
}
