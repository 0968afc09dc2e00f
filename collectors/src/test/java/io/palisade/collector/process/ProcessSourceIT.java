package io.palisade.collector.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.TestPublishers;
import io.palisade.collector.TopicReader;
import io.palisade.collector.agent.CollectorConfig;
import io.palisade.collector.process.ProcessSettings.Backend;
import io.palisade.collector.publish.KafkaEventPublisher;
import io.palisade.devstack.DockerEnvironment;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.ProcessAction;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The process source on this host's kernel and the real Docker Engine, publishing to the real broker's
 * palisade.events.process. Needs root: the netlink back end is asserted to be the one AUTO picks here.
 */
@ExtendWith(DevStackExtension.class)
class ProcessSourceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private KafkaBroker kafka;

    @BeforeEach
    void createTopics(KafkaBroker kafka) throws Exception {
        this.kafka = kafka;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, List.of(Topics.PROCESS_EVENTS), (short) 1);
        }
    }

    /** The proc connector sees execs that end within milliseconds: docker exec ls, and /bin/true on the host. */
    @Test
    void netlinkBackEndSeesShortLivedExecsInAContainerAndOnTheHost() throws Exception {
        String marker = "palisade-it-" + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        observe(Backend.AUTO, "netlink", List.of("ls", "/etc"), List.of("/bin/true", marker));
    }

    /** /proc polling only sees what lives across a scan, so its execs last a second. */
    @Test
    void procPollingBackEndSeesExecsThatOutliveAScan() throws Exception {
        // A unique duration doubles as the marker: sleep takes fractional seconds.
        String unique = "1.0" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        observe(Backend.PROC, "proc", List.of("sleep", "1"), List.of("/bin/sleep", unique));
    }

    /**
     * BusyBox's shell runs each applet as execve("/proc/self/exe", ["wget", ...]), so the kernel first calls it "exe";
     * the rules match program names, so the event must say wget, however fast the observer read it.
     */
    @Test
    void anAppletRunByABusyBoxShellIsNamedAfterTheApplet() throws Exception {
        whileObserving(Backend.AUTO, (running, events) -> {
            String containerId = running.container().getContainerId();
            for (int run = 0; run < 5; run++) { // the kernel's name lasts until the applet renames itself: try often
                assertThat(running.container().execInContainer("sh", "-c",
                        "wget -q -T 1 -O /dev/null http://127.0.0.1:9/; true").getExitCode()).isZero();
            }

            List<String> names = new ArrayList<>();
            events.await("five wget execs in " + containerId, r -> {
                if (containerId.equals(r.key()) && r.value().getProcess().getArgs().contains("http://127.0.0.1:9/")) {
                    names.add(r.value().getProcess().getName());
                }
                return names.size() == 5;
            }, WAIT);
            assertThat(names).containsOnly("wget");
        });
    }

    private void observe(Backend backend, String expectedBackend, List<String> inContainer, List<String> onHost)
            throws Exception {
        whileObserving(backend, (running, events) -> {
            GenericContainer<?> container = running.container();
            CollectorIdentity identity = running.identity();
            String containerId = container.getContainerId();
            assertThat(running.source().backend()).contains(expectedBackend);

            assertThat(container.execInContainer(inContainer.toArray(String[]::new)).getExitCode()).isZero();
            // A process that ended before its arguments were read is still reported, by name, with its container
            // (a zombie keeps its name and cgroup); when the arguments were read in time they must be right.
            ProcessEvent exec = events.await(inContainer + " in " + containerId, r -> containerId.equals(r.key())
                    && inContainer.getFirst().equals(r.value().getProcess().getName())
                    && (r.value().getProcess().getArgs().isEmpty()
                        || r.value().getProcess().getArgs().equals(inContainer)), WAIT).value();
            assertThat(exec.getEvent().getAction()).isEqualTo(ProcessAction.EXEC);
            if (exec.getProcess().getExecutable() != null) { // the exe link goes with the exit, before the name
                assertThat(exec.getProcess().getExecutable()).as("busybox applets run /bin/busybox or its link")
                        .startsWith("/bin/");
            }
            assertThat(exec.getContainer().getId()).isEqualTo(containerId);
            assertThat(exec.getContainer().getName()).as("enriched downstream, not here").isNull();
            assertThat(exec.getHost()).isEqualTo(identity.host());

            Process hostProcess = new ProcessBuilder(onHost).start();
            assertThat(hostProcess.waitFor()).isZero();
            ProcessEvent host = events.await(onHost + " on the host", r -> identity.host().getId().equals(r.key())
                    && r.value().getProcess().getPid() == hostProcess.pid()
                    && r.value().getProcess().getArgs().equals(onHost), WAIT).value();
            assertThat(host.getContainer()).isNull();
            assertThat(host.getProcess().getExecutable()).endsWith(onHost.getFirst().substring(4)); // /usr/bin merged
            assertThat(host.getProcess().getParent().getPid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(host.getProcess().getWorkingDirectory()).isEqualTo(System.getProperty("user.dir"));
            assertThat(TestPublishers.dropped(running.publisher())).isZero();
        });
    }

    /** A process source observing with {@code backend}, publishing to the broker, and a container to exec in. */
    private void whileObserving(Backend backend, Scenario scenario) throws Exception {
        CollectorIdentity identity = CollectorIdentity.detect(CollectorConfig.defaults(kafka.bootstrapServers()).host());
        try (KafkaEventPublisher publisher = TestPublishers.to(kafka.bootstrapServers(), "process-it");
             ProcessSource source = new ProcessSource(identity, new ProcessSettings(true, backend, null));
             TopicReader<ProcessEvent> events = new TopicReader<>(kafka.bootstrapServers(), Topics.PROCESS_EVENTS);
             GenericContainer<?> container = new GenericContainer<>(
                     DockerImageName.parse(DockerEnvironment.testImage())).withCommand("sleep", "300")) {
            container.start();
            source.start(publisher);
            await().atMost(WAIT).until(() -> source.backend().isPresent());
            scenario.run(new Running(identity, publisher, source, container), events);
        }
    }

    private record Running(CollectorIdentity identity, KafkaEventPublisher publisher, ProcessSource source,
                           GenericContainer<?> container) {
    }

    @FunctionalInterface
    private interface Scenario {
        void run(Running running, TopicReader<ProcessEvent> events) throws Exception;
    }
}
