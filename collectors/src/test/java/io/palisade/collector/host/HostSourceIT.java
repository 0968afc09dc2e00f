package io.palisade.collector.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.TestPublishers;
import io.palisade.collector.TopicReader;
import io.palisade.collector.container.DockerClients;
import io.palisade.collector.publish.KafkaEventPublisher;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.Agent;
import io.palisade.schema.DockerDaemon;
import io.palisade.schema.Host;
import io.palisade.schema.HostAction;
import io.palisade.schema.HostEvent;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The host source on the real Docker Engine, publishing to the real broker. */
@ExtendWith(DevStackExtension.class)
class HostSourceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void startedAndStoppingCarryTheEnginesSettingsTheDockerGroupAndTheOs(KafkaBroker kafka, @TempDir Path dir)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        Path group = Files.writeString(dir.resolve("group"), "root:x:0:\ndocker:x:999:alice,bob\nstaff:x:50:carol\n");
        String hostId = "host-it-" + UUID.randomUUID();
        CollectorIdentity identity = new CollectorIdentity(Host.newBuilder().setName("host-it").setId(hostId).build(),
                Agent.newBuilder().setId("host-it").setVersion("test").build());
        Info engine;
        try (DockerClient docker = DockerClients.fromEnvironment()) {
            engine = docker.infoCmd().exec();
        }

        try (KafkaEventPublisher publisher = TestPublishers.to(kafka.bootstrapServers(), "host-it");
             TopicReader<HostEvent> events = new TopicReader<>(kafka.bootstrapServers(), Topics.HOST_EVENTS)) {
            HostSource source = new HostSource(DockerClients::fromEnvironment, identity,
                    new HostSettings(true, null, group, dir.resolve("daemon.json")));
            source.start(publisher);
            HostEvent started = events.await("STARTED of " + hostId, r -> hostId.equals(r.key())
                    && r.value().getEvent().getAction() == HostAction.STARTED, WAIT).value();
            source.close();
            HostEvent stopping = events.await("STOPPING of " + hostId, r -> hostId.equals(r.key())
                    && r.value().getEvent().getAction() == HostAction.STOPPING, WAIT).value();

            DockerDaemon daemon = started.getDocker();
            assertThat(daemon.getVersion()).isEqualTo(engine.getServerVersion());
            assertThat(daemon.getCgroupDriver()).isEqualTo(engine.getCGroupDriver());
            assertThat(daemon.getCgroupVersion()).isEqualTo(engine.getCGroupVersion());
            assertThat(daemon.getLoggingDriver()).isEqualTo(engine.getLoggingDriver());
            assertThat(daemon.getSeccompProfile() != null)
                    .isEqualTo(engine.getSecurityOptions().stream().anyMatch(o -> o.contains("seccomp")));
            assertThat(daemon.getIcc()).as("Docker's default, read from the default bridge").isTrue();
            assertThat(started.getDockerGroupMembers()).containsExactly("alice", "bob");
            assertThat(started.getHost().getOs().getKernel())
                    .isEqualTo(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip());
            assertThat(started.getHost().getOs().getName()).isNotBlank();
            assertThat(stopping.getDocker()).isEqualTo(daemon);
            assertThat(TestPublishers.dropped(publisher)).isZero();
        }
    }
}
