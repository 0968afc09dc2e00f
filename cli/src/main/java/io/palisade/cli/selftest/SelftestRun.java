package io.palisade.cli.selftest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.github.dockerjava.api.DockerClient;
import io.palisade.cli.alerts.AlertSelection;
import io.palisade.cli.alerts.AlertsTail;
import io.palisade.cli.selftest.Action.Exec;
import io.palisade.cli.selftest.Action.InContainer;
import io.palisade.cli.selftest.Action.OnHost;
import io.palisade.collector.container.DockerClients;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Performs the actions and checks the pipeline's answer: reads {@code palisade.alerts} (through {@link AlertsTail},
 * from the oldest retained alert, so nothing raised while the actions ran is missed; older runs' alerts never match
 * this run's markers) while the actions run one after the other, then waits until every expected alert arrived or
 * the timeout passed. A container is removed as soon as all its alerts arrived (the CPU burner stops burning), the
 * rest at {@link #close()}, which also deletes the host actions' files.
 *
 * <p>While a container's alerts are missing, its execs are run again every {@link #REPEAT_INTERVAL}, and each repeat is
 * logged: an exec that ends within a millisecond can end before the collector has read its name from /proc (under a
 * GC pause or a saturated CPU), and the collector then reports it without name or container. A real probe would try
 * again too; the log tells how often one had to.
 */
public final class SelftestRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SelftestRun.class);
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TAIL_STOP = Duration.ofSeconds(10);
    /** Containers' main processes end by themselves this long after the timeout, should the run be killed. */
    private static final Duration CONTAINER_GRACE = Duration.ofMinutes(5);
    private static final Duration REPEAT_INTERVAL = Duration.ofSeconds(20);

    private final String runId;
    private final String image;
    private final Duration timeout;
    private final DockerClient docker;
    private final AlertsTail alerts;
    private final ContainerLab containers;
    private final HostLab host;
    /** The container actions performed, by container id, to repeat while their alerts are missing. */
    private final Map<String, Performed> performed = new LinkedHashMap<>();

    private record Performed(InContainer action, List<Expectation> expectations) {
    }

    private SelftestRun(String runId, String image, Duration timeout, DockerClient docker, AlertsTail alerts,
                        ContainerLab containers, HostLab host) {
        this.runId = runId;
        this.image = image;
        this.timeout = timeout;
        this.docker = docker;
        this.alerts = alerts;
        this.containers = containers;
        this.host = host;
    }

    /**
     * Connects to Kafka (palisade.alerts must exist) and to the Docker Engine (from DOCKER_HOST), makes sure the
     * image is there and that the watched directory exists.
     *
     * @param kafka   Kafka client settings, at least bootstrap.servers
     * @param image   the containers' image
     * @param watched a directory the collector's file-integrity source watches
     * @param runId   this run's id, unique enough that no other run's containers or paths carry it
     * @param timeout how long to wait for the alerts after the last action
     * @throws RuntimeException saying what is missing, with everything opened closed again
     */
    public static SelftestRun prepare(Map<String, Object> kafka, String image, Path watched, String runId,
                                      Duration timeout) throws InterruptedException {
        HostLab host = new HostLab(watched);
        DockerClient docker = DockerClients.fromEnvironment();
        try {
            ContainerLab containers = new ContainerLab(docker, image, runId, timeout.plus(CONTAINER_GRACE));
            containers.ensureImage();
            return new SelftestRun(runId, image, timeout, docker, openAlerts(kafka), containers, host);
        } catch (RuntimeException | InterruptedException e) {
            closeQuietly(docker);
            throw e;
        }
    }

    private static AlertsTail openAlerts(Map<String, Object> kafka) {
        try {
            return new AlertsTail(kafka, true);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no Kafka answered at "
                    + kafka.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG) + " (" + e.getMessage()
                    + "); pass --bootstrap-server (the quickstart prints kafka.bootstrap_servers)", e);
        }
    }

    /**
     * Performs {@code actions} and waits up to the timeout after the last one for their alerts. Call once: it reads
     * palisade.alerts until it returns, then closes that consumer.
     *
     * @param progress told what is being done, for the user
     */
    public SelftestResult perform(List<Action> actions, Consumer<String> progress) throws InterruptedException {
        Set<String> rules = actions.stream().flatMap(action -> action.expectedRules().stream())
                .collect(Collectors.toSet());
        Verdicts verdicts = new Verdicts(rules, Instant.now());
        Thread reader = Thread.ofPlatform().name("selftest-alerts").daemon().start(() -> alerts.run(
                AlertSelection.all(), (alert, update) -> removeDone(verdicts.offer(alert, Instant.now()))));
        try {
            for (Action action : actions) {
                progress.accept("performing: " + action.description());
                switch (action) {
                    case InContainer inContainer -> perform(inContainer, verdicts);
                    case OnHost onHost -> perform(onHost, verdicts);
                }
            }
            progress.accept("waiting up to " + timeout.toSeconds() + " s for the alerts ...");
            Instant deadline = Instant.now().plus(timeout);
            while (!verdicts.awaitSettled(earliest(deadline, Instant.now().plus(REPEAT_INTERVAL)))
                    && Instant.now().isBefore(deadline)) {
                repeatMissing(verdicts);
            }
        } finally {
            alerts.close();
            reader.join(TAIL_STOP.toMillis());
        }
        SelftestResult result = new SelftestResult(runId, image, timeout, verdicts.outcomes());
        LOG.atInfo().addKeyValue("run", runId).addKeyValue("passed", result.passed())
                .addKeyValue("expected", result.outcomes().size()).addKeyValue("seen", result.passedCount())
                .log("self-test done");
        return result;
    }

    private void perform(InContainer action, Verdicts verdicts) throws InterruptedException {
        String marker = marker(action);
        Instant performedAt = Instant.now();
        String containerId;
        try {
            containerId = containers.start("palisade-selftest-" + marker, action.container());
        } catch (RuntimeException e) {
            verdicts.fail(expectations(action, null, marker, performedAt), "container not started: "
                    + e.getMessage());
            return;
        }
        List<Expectation> expectations = expectations(action, containerId, marker, performedAt);
        removeDone(verdicts.expect(expectations));
        if (action.execsAfterRule() != null) {
            Expectation first = expectations.stream()
                    .filter(expectation -> expectation.ruleId().equals(action.execsAfterRule())).findFirst()
                    .orElseThrow();
            // Not there in time: go on; the result shows what was missed.
            verdicts.awaitPassed(first, ACTION_TIMEOUT);
        }
        performed.put(containerId, new Performed(action, expectations));
        exec(containerId, performed.get(containerId), verdicts);
    }

    private void exec(String containerId, Performed performed, Verdicts verdicts) throws InterruptedException {
        try {
            for (Exec exec : performed.action().execs()) {
                containers.exec(containerId, withMarker(exec, marker(performed.action())), ACTION_TIMEOUT);
            }
        } catch (RuntimeException e) {
            verdicts.fail(performed.expectations(), "docker exec failed: " + e.getMessage());
        }
    }

    /** Runs the execs again of every container action whose alerts are still missing. */
    private void repeatMissing(Verdicts verdicts) throws InterruptedException {
        for (Map.Entry<String, Performed> entry : performed.entrySet()) {
            InContainer action = entry.getValue().action();
            if (!action.execs().isEmpty() && !verdicts.settled(entry.getKey())) {
                LOG.atInfo().addKeyValue("action", action.name()).addKeyValue("container", entry.getKey())
                        .log("self-test action repeated: its alerts have not arrived yet");
                exec(entry.getKey(), entry.getValue(), verdicts);
            }
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private void perform(OnHost action, Verdicts verdicts) throws InterruptedException {
        String marker = marker(action);
        List<Expectation> expectations = expectations(action, null, marker, Instant.now());
        verdicts.expect(expectations);
        try {
            host.run(marker, action.script(), ACTION_TIMEOUT);
        } catch (RuntimeException e) {
            verdicts.fail(expectations, e.getMessage());
        }
    }

    /** Removes the containers left, deletes the host actions' files, closes the clients; safe to call twice. */
    @Override
    public void close() {
        containers.close();
        host.close();
        closeQuietly(docker);
    }

    private static void closeQuietly(DockerClient docker) {
        try {
            docker.close();
        } catch (IOException e) {
            LOG.atDebug().setCause(e).log("Docker client did not close cleanly");
        }
    }

    private void removeDone(Set<String> containerIds) {
        containerIds.forEach(containers::remove);
    }

    private String marker(Action action) {
        return runId + "-" + action.name();
    }

    private static List<Expectation> expectations(Action action, String containerId, String marker,
                                                  Instant performedAt) {
        return action.expectedRules().stream().map(rule -> new Expectation(action.name(), action.description(), rule,
                containerId, marker, performedAt)).toList();
    }

    private static Exec withMarker(Exec exec, String marker) {
        return new Exec(exec.command().stream().map(argument -> argument.replace(Action.MARKER, marker)).toList(),
                exec.user(), exec.privileged());
    }
}
