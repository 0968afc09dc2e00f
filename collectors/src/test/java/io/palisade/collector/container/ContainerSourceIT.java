package io.palisade.collector.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.model.Bind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.collector.RawTopicScan;
import io.palisade.collector.TopicReader;
import io.palisade.collector.agent.CollectorAgent;
import io.palisade.collector.agent.CollectorConfig;
import io.palisade.devstack.DockerEnvironment;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.ContainerAction;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.EnvironmentVariable;
import io.palisade.schema.Mount;
import io.palisade.schema.topic.Topic;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** The collector agent on the real Docker Engine, publishing to the real broker. */
@ExtendWith(DevStackExtension.class)
class ContainerSourceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * Unique per run, and with letters no hex identifier has: every exec on the host while the agent runs is published
     * too, so a short value such as "abc" also turns up in other processes' arguments and in random ids.
     */
    private static final String SECRET_VALUE = "palisade-secret-" + UUID.randomUUID().toString().replace('-', 'z');

    @Test
    void privilegedContainerIsReportedExecIsSeenDestroyTombstonesAndNoSecretValueIsPublished(KafkaBroker kafka)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        String containerId;
        try (CollectorAgent agent = CollectorAgent.start(CollectorConfig.defaults(kafka.bootstrapServers()),
                new SimpleMeterRegistry());
             TopicReader<ContainerEvent> events = new TopicReader<>(kafka.bootstrapServers(),
                     Topics.CONTAINER_EVENTS);
             TopicReader<ContainerEvent> inventory = new TopicReader<>(kafka.bootstrapServers(),
                     Topics.CONTAINER_INVENTORY);
             GenericContainer<?> privileged = new GenericContainer<>(
                     DockerImageName.parse(DockerEnvironment.testImage()))
                     .withPrivilegedMode(true)
                     // Bound through the create command: withFileSystemBind makes Testcontainers pull an image first.
                     .withCreateContainerCmdModifier(create -> create.getHostConfig()
                             .withBinds(Bind.parse("/var/run:/host/var/run:ro")))
                     .withEnv("SECRET_TOKEN", SECRET_VALUE)
                     .withLabel("com.example.team", "payments")
                     .withCommand("sleep", "300")) {
            privileged.start();
            containerId = privileged.getContainerId();

            // START when the agent was already following the engine, INVENTORY when its first resync found it.
            List<ContainerAction> withPosture = List.of(ContainerAction.START, ContainerAction.INVENTORY);
            ContainerEvent started = events.await("START or INVENTORY of " + containerId,
                    r -> containerId.equals(r.key()) && withPosture.contains(r.value().getEvent().getAction()),
                    WAIT).value();
            assertThat(started.getPosture().getPrivileged()).isTrue();
            assertThat(started.getContainer().getSecurityContext().getPrivileged()).isTrue();
            assertThat(started.getContainer().getLabels()).containsEntry("com.example.team", "payments");
            assertThat(started.getPosture().getMounts())
                    .contains(new Mount("bind", "/var/run", "/host/var/run", false, "rprivate"));
            assertThat(started.getPosture().getDockerSocketMounted()).isTrue();
            assertThat(started.getPosture().getEnvironment()).contains(new EnvironmentVariable("SECRET_TOKEN", true));
            inventory.await("inventory value of " + containerId,
                    r -> containerId.equals(r.key()) && r.value() != null, WAIT);

            assertThat(privileged.execInContainer("ls").getExitCode()).isZero();
            ContainerEvent exec = events.await("EXEC in " + containerId, r -> containerId.equals(r.key())
                    && r.value().getEvent().getAction() == ContainerAction.EXEC, WAIT).value();
            assertThat(exec.getExec().getCommandLine()).isEqualTo("ls");

            privileged.stop(); // Testcontainers removes the container: the engine reports destroy
            events.await("DESTROY of " + containerId, r -> containerId.equals(r.key())
                    && r.value().getEvent().getAction() == ContainerAction.DESTROY, WAIT);
            inventory.await("tombstone of " + containerId,
                    r -> containerId.equals(r.key()) && r.value() == null, WAIT);
            assertThat(agent.droppedEvents()).isZero();
        }

        List<ConsumerRecord<byte[], byte[]>> everything = RawTopicScan.readAll(kafka.bootstrapServers(),
                Topics.all().stream().map(Topic::name).toList());
        assertThat(everything).as("records scanned, among them the container's posture")
                .anySatisfy(r -> assertThat(new String(r.value() == null ? new byte[0] : r.value(),
                        StandardCharsets.ISO_8859_1)).contains("SECRET_TOKEN").contains(containerId));
        List<String> leaks = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : everything) {
            if (contains(record.key(), SECRET_VALUE) || contains(record.value(), SECRET_VALUE)) {
                leaks.add(record.topic() + "/" + record.partition() + "@" + record.offset());
            }
        }
        assertThat(leaks).as("records carrying the bytes of SECRET_TOKEN's value").isEmpty();
    }

    private static boolean contains(byte[] bytes, String value) {
        return bytes != null && new String(bytes, StandardCharsets.ISO_8859_1).contains(value);
    }
}
