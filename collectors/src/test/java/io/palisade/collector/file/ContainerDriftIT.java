package io.palisade.collector.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.TestPublishers;
import io.palisade.collector.TopicReader;
import io.palisade.collector.container.DockerClients;
import io.palisade.collector.publish.KafkaEventPublisher;
import io.palisade.devstack.DockerEnvironment;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.Agent;
import io.palisade.schema.FileAction;
import io.palisade.schema.FileEvent;
import io.palisade.schema.Host;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** The drift source on the real Docker Engine, publishing to the real broker. */
@ExtendWith(DevStackExtension.class)
class ContainerDriftIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void filesWrittenInRunningContainersAreReportedWithTheirContainer(KafkaBroker kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        CollectorIdentity identity = new CollectorIdentity(
                Host.newBuilder().setName("drift-it").setId(UUID.randomUUID().toString()).build(),
                Agent.newBuilder().setId(UUID.randomUUID().toString()).setVersion("it").build());
        String hostId = identity.host().getId();
        String earlier = "/tmp/before-" + UUID.randomUUID();
        String drift = "/tmp/drift-" + UUID.randomUUID();
        String lateDrift = "/tmp/drift-" + UUID.randomUUID();

        try (GenericContainer<?> old = sleeper();
             GenericContainer<?> fresh = sleeper();
             KafkaEventPublisher publisher = TestPublishers.to(kafka.bootstrapServers(), "drift-it");
             TopicReader<FileEvent> events = new TopicReader<>(kafka.bootstrapServers(), Topics.FILE_EVENTS)) {
            old.start();
            write(old, earlier);
            try (ContainerDriftSource source = new ContainerDriftSource(DockerClients::fromEnvironment, identity,
                    new DriftSettings(true, Duration.ofSeconds(1)))) {
                source.start(publisher);
                fresh.start();
                write(fresh, drift);

                FileEvent created = events.await(drift + " in " + fresh.getContainerId(), r -> hostId.equals(r.key())
                        && r.value().getContainer() != null
                        && fresh.getContainerId().equals(r.value().getContainer().getId())
                        && drift.equals(r.value().getFile().getPath()), WAIT).value();
                assertThat(created.getEvent().getAction()).isEqualTo(FileAction.CREATED);
                assertThat(created.getContainer().getName()).isEqualTo(fresh.getContainerName().replaceFirst("^/", ""));
                assertThat(created.getContainer().getImage().getName()).isEqualTo(DockerEnvironment.testImage());

                // A container already running at start is baselined silently; what it writes afterwards is drift.
                write(old, lateDrift);
                events.await(lateDrift + " in " + old.getContainerId(), r -> hostId.equals(r.key())
                        && r.value().getContainer() != null
                        && old.getContainerId().equals(r.value().getContainer().getId())
                        && lateDrift.equals(r.value().getFile().getPath())
                        && r.value().getEvent().getAction() == FileAction.CREATED, WAIT);
                assertThat(events.seen()).noneMatch(r -> earlier.equals(r.value().getFile().getPath()));
            }
            assertThat(TestPublishers.dropped(publisher)).isZero();
        }
    }

    private static GenericContainer<?> sleeper() {
        return new GenericContainer<>(DockerImageName.parse(DockerEnvironment.testImage()))
                .withCommand("sleep", "300");
    }

    private static void write(GenericContainer<?> container, String path) throws Exception {
        assertThat(container.execInContainer("sh", "-c", "echo x > " + path).getExitCode()).isZero();
    }
}
