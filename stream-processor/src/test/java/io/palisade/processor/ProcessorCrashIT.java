package io.palisade.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.palisade.devstack.JavaCommand;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.Alert;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.topic.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL of the processor in the middle of a suppression window: after a restart on the same state, palisade.alerts
 * (read_committed) holds every (id, count) once and the final count equals the number of events, exactly-once.
 */
@ExtendWith(DevStackExtension.class)
class ProcessorCrashIT {

    private static final String RULE = "PAL-PROC-006";
    private static final int BATCH = 10;

    @TempDir
    Path stateDir;

    @Test
    void aKilledProcessorRestartsWithoutDuplicatingOrLosingAnyCount(KafkaBroker kafka) throws Exception {
        KafkaTestClient client = new KafkaTestClient(kafka);
        Instant base = ProcessorIT.recentWindowStart();
        String containerId = TestEvents.newContainerId();
        client.send(Topics.CONTAINER_INVENTORY, List.of(Map.entry(containerId, TestEvents.inventory(containerId))),
                e -> base);
        Path log = Path.of(System.getProperty("palisade.devstack.logs", "target/devstack-logs"), "processor-child.log");

        Process first = startProcessor(client, log);
        send(client, containerId, base, 0);
        awaitLatestCount(client, containerId, BATCH);
        send(client, containerId, base, BATCH);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();

        Process second = startProcessor(client, log);
        try {
            send(client, containerId, base, 2 * BATCH);
            List<Alert> written = awaitLatestCount(client, containerId, 3 * BATCH);

            assertThat(written).extracting(Alert::getId).containsOnly(written.getFirst().getId());
            assertThat(written).extracting(Alert::getCount).doesNotHaveDuplicates().startsWith(1L)
                    .isSorted().last().isEqualTo((long) 3 * BATCH);
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** {@value #BATCH} runs of nsenter in the container, event times {@code from} seconds after {@code base} on. */
    private static void send(KafkaTestClient client, String containerId, Instant base, int from) throws Exception {
        List<Map.Entry<String, ProcessEvent>> events = IntStream.range(from, from + BATCH)
                .mapToObj(i -> Map.entry(containerId,
                        TestEvents.exec(containerId, "nsenter", "k-" + i, base.plusSeconds(i))))
                .toList();
        client.send(Topics.PROCESS_EVENTS, events, e -> e.getEvent().getCreated());
    }

    private static List<Alert> awaitLatestCount(KafkaTestClient client, String containerId, long count) {
        return client.readCommitted(Topics.ALERTS,
                a -> a.getRule().getId().equals(RULE) && a.getContainer().getId().equals(containerId),
                found -> !found.isEmpty() && found.getLast().getCount() >= count, Duration.ofSeconds(150));
    }

    private Process startProcessor(KafkaTestClient client, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        long offset = Files.exists(log) ? Files.size(log) : 0;
        List<Path> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        JavaCommand command = new JavaCommand(List.of("-Xmx384m"), List.of(), classPath,
                ProcessorChildMain.class.getName(), List.of(client.bootstrapServers(), "palisade-processor-crash-it",
                stateDir.toString()));
        Process process = new ProcessBuilder(command.argv()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        await("processor child running (log " + log + ")").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> !process.isAlive() || Files.readString(log).substring((int) offset)
                        .contains(ProcessorChildMain.RUNNING));
        assertThat(process.isAlive()).as("processor child alive; see " + log).isTrue();
        return process;
    }
}
