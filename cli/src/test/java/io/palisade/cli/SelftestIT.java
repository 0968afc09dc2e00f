package io.palisade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palisade.cli.quickstart.CollectorPlan;
import io.palisade.cli.selftest.Action;
import io.palisade.cli.selftest.Actions;
import io.palisade.devstack.DockerEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import picocli.CommandLine;

/**
 * The check: the quickstart, headless and in-process, then {@code palisade selftest} against it; every
 * action must be detected with the right container attribution, and nothing of the self-test may be left behind.
 */
@EnabledIfEnvironmentVariable(named = "DOCKER_HOST", matches = ".+")
class SelftestIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySelftestActionIsDetectedAndAttributedToItsContainer(@TempDir Path dataDir) throws Exception {
        StringWriter quickstartOut = new StringWriter();
        StringWriter quickstartErr = new StringWriter();
        Thread quickstart = Thread.ofPlatform().name("quickstart-under-test").start(() ->
                new CommandLine(new Palisade()).setOut(new PrintWriter(quickstartOut, true))
                        .setErr(new PrintWriter(quickstartErr, true))
                        .execute("quickstart", "--headless", "--data-dir", dataDir.toString()));
        String bootstrap = null;
        try {
            await("ready=true from the quickstart; stderr so far:\n" + quickstartErr).atMost(Duration.ofMinutes(4))
                    .until(() -> quickstartOut.toString().contains("ready=true\n") || !quickstart.isAlive());
            bootstrap = quickstartOut.toString().lines()
                    .filter(line -> line.startsWith("kafka.bootstrap_servers=")).findFirst().orElseThrow()
                    .substring("kafka.bootstrap_servers=".length());
            awaitProcessSourceObserving(quickstartOut);

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exitCode = new CommandLine(new Palisade()).setOut(new PrintWriter(out, true))
                    .setErr(new PrintWriter(err, true)).execute("selftest", "--json", "--bootstrap-server", bootstrap,
                            "--data-dir", dataDir.toString(), "--image", DockerEnvironment.testImage(),
                            "--timeout", "150");

            JsonNode result = JSON.readTree(out.toString());
            List<String> failures = new ArrayList<>();
            result.get("results").forEach(row -> {
                if (!row.get("seen").asBoolean() || !row.get("attribution_correct").asBoolean()) {
                    failures.add(row.toString());
                }
            });
            assertThat(failures).as("expected alerts missing or wrongly attributed; selftest stderr:\n" + err)
                    .isEmpty();
            assertThat(exitCode).isZero();
            assertThat(result.get("passed").asBoolean()).isTrue();
            assertThat(rows(result)).as("one row per action and rule")
                    .containsExactlyInAnyOrderElementsOf(Actions.all().stream().flatMap(SelftestIT::rows).toList());
            result.get("results").forEach(row -> assertThat(row.get("expected_container_id").isNull())
                    .as(row.get("action").asText() + " runs on the host exactly when the catalogue says so")
                    .isEqualTo(onHost(row.get("action").asText())));

            String runId = result.get("run_id").asText();
            assertThat(DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("io.palisade.selftest.run", runId)).exec())
                    .as("every container of the run removed").isEmpty();
            try (Stream<Path> left = Files.list(CollectorPlan.selftestDirectory(dataDir))) {
                assertThat(left).as("every host action's directory deleted").isEmpty();
            }
        } catch (Exception | AssertionError failure) {
            PipelineEvidence.keep("SelftestIT", bootstrap, quickstartOut.toString(), quickstartErr.toString());
            throw failure;
        } finally {
            quickstart.interrupt();
            quickstart.join(Duration.ofMinutes(2));
        }
        assertThat(quickstart.isAlive()).isFalse();
    }

    /**
     * The quickstart says ready before its collector's process source observes execs: that source first warms up
     * its /proc reader (ProcessSource.warmUp), up to a minute on two busy cores. A container running wget every
     * second shows when it does (PAL-PROC-003 on the quickstart's output).
     */
    private static void awaitProcessSourceObserving(StringWriter quickstartOut) {
        try (GenericContainer<?> probe = new GenericContainer<>(DockerImageName.parse(DockerEnvironment.testImage()))
                .withCommand("sh", "-c", "while :; do wget -q -T 1 -O /dev/null http://127.0.0.1:9/; sleep 1; done")) {
            probe.start();
            String probeId = probe.getContainerId();
            await("the quickstart's process source observing execs").atMost(Duration.ofMinutes(3))
                    .until(() -> quickstartOut.toString().lines().anyMatch(line -> line.startsWith("{")
                            && line.contains("\"PAL-PROC-003\"") && line.contains(probeId)));
        }
    }

    private static List<String> rows(JsonNode result) {
        List<String> rows = new ArrayList<>();
        result.get("results").forEach(row -> rows.add(row.get("action").asText() + " " + row.get("rule_id").asText()));
        return rows;
    }

    private static Stream<String> rows(Action action) {
        return action.expectedRules().stream().map(rule -> action.name() + " " + rule);
    }

    private static boolean onHost(String actionName) {
        return Actions.all().stream().filter(action -> action.name().equals(actionName)).findFirst()
                .orElseThrow() instanceof Action.OnHost;
    }
}
