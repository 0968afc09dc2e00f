package io.palisade.cli.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.palisade.schema.Alert;
import io.palisade.schema.Container;
import io.palisade.schema.File;
import io.palisade.schema.Process;
import io.palisade.schema.Rule;
import io.palisade.schema.Samples;
import io.palisade.schema.Severity;
import io.palisade.schema.serde.TrustedRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    private static final Instant RUN_START = Instant.parse("2026-11-23T12:00:00Z");
    private static final String OURS = "a".repeat(64);
    private static final String OTHER = "b".repeat(64);

    @BeforeAll
    static void trustGeneratedRecords() {
        TrustedRecords.install();
    }

    @Test
    void anAlertOfTheRuleNamingTheContainerPassesWithItsLatencies() {
        Verdicts verdicts = verdicts();
        Expectation shell = inContainer("PAL-PROC-001", OURS);
        verdicts.expect(List.of(shell));

        verdicts.offer(alert("PAL-PROC-001", OURS, "sh -c echo", RUN_START.plusSeconds(1)), RUN_START.plusSeconds(3));

        Outcome outcome = verdicts.outcomes().getFirst();
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.toFirstSeen()).contains(Duration.ofSeconds(1));
        assertThat(outcome.toArrival()).contains(Duration.ofSeconds(3));
    }

    @Test
    void anotherRulesAlertOrAnotherContainersAlertWithoutTheMarkerIsNotEvidence() {
        Verdicts verdicts = verdicts();
        verdicts.expect(List.of(inContainer("PAL-PROC-001", OURS)));

        verdicts.offer(alert("PAL-PROC-002", OURS, "rpm -q", RUN_START.plusSeconds(1)), RUN_START.plusSeconds(2));
        verdicts.offer(alert("PAL-PROC-001", OTHER, "sh", RUN_START.plusSeconds(1)), RUN_START.plusSeconds(2));

        assertThat(verdicts.outcomes().getFirst().seen()).isFalse();
    }

    @Test
    void anAlertCarryingTheMarkerOnTheWrongContainerIsSeenButWronglyAttributedUntilARightOneArrives() {
        Verdicts verdicts = verdicts();
        verdicts.expect(List.of(inContainer("PAL-PROC-003", OURS)));

        verdicts.offer(alert("PAL-PROC-003", null, "wget http://127.0.0.1:9/run1-network-tool",
                RUN_START.plusSeconds(1)), RUN_START.plusSeconds(2));
        Outcome wrong = verdicts.outcomes().getFirst();
        verdicts.offer(alert("PAL-PROC-003", OURS, "wget", RUN_START.plusSeconds(4)), RUN_START.plusSeconds(5));
        Outcome right = verdicts.outcomes().getFirst();

        assertThat(wrong.seen()).isTrue();
        assertThat(wrong.attributionCorrect()).isFalse();
        assertThat(wrong.alertContainerId()).isNull();
        assertThat(right.passed()).isTrue();
        assertThat(right.alertContainerId()).isEqualTo(OURS);
    }

    @Test
    void aHostActionsAlertMustNameNoContainer() {
        Verdicts verdicts = verdicts();
        verdicts.expect(List.of(onHost("PAL-FILE-003")));

        verdicts.offer(fileAlert("PAL-FILE-003", OTHER, "/qs/selftest/run1-authorized-keys/home/.ssh/authorized_keys"),
                RUN_START.plusSeconds(1));
        assertThat(verdicts.outcomes().getFirst().attributionCorrect()).isFalse();

        verdicts.offer(fileAlert("PAL-FILE-003", null, "/qs/selftest/run1-authorized-keys/home/.ssh/authorized_keys"),
                RUN_START.plusSeconds(2));
        assertThat(verdicts.outcomes().getFirst().passed()).isTrue();
    }

    @Test
    void anAlertThatArrivedBeforeItsExpectationStillAnswersItButOneFromBeforeTheRunDoesNot() {
        Verdicts verdicts = verdicts();
        verdicts.offer(alert("PAL-CNT-001", OURS, null, RUN_START.plusSeconds(1)), RUN_START.plusSeconds(1));
        verdicts.offer(alert("PAL-CNT-002", OURS, null, RUN_START.minus(Duration.ofHours(1))),
                RUN_START.plusSeconds(1));

        verdicts.expect(List.of(inContainer("PAL-CNT-001", OURS), inContainer("PAL-CNT-002", OURS)));

        assertThat(verdicts.outcomes()).extracting(Outcome::passed).containsExactly(true, false);
    }

    @Test
    void aContainerIsDoneOnlyWhenEveryRuleItAwaitsPassed() {
        Verdicts verdicts = verdicts();
        verdicts.expect(List.of(inContainer("PAL-CNT-001", OURS), inContainer("PAL-CNT-002", OURS)));

        Set<String> afterFirst = verdicts.offer(alert("PAL-CNT-001", OURS, null, RUN_START), RUN_START);
        Set<String> afterSecond = verdicts.offer(alert("PAL-CNT-002", OURS, null, RUN_START), RUN_START);

        assertThat(afterFirst).isEmpty();
        assertThat(afterSecond).containsExactly(OURS);
    }

    @Test
    void aContainerIsSettledOnceEveryOneOfItsAlertsArrived() {
        Verdicts verdicts = verdicts();
        verdicts.expect(List.of(inContainer("PAL-PROC-001", OURS), inContainer("PAL-PROC-002", OURS)));

        verdicts.offer(alert("PAL-PROC-001", OURS, "sh -c echo", RUN_START.plusSeconds(1)), RUN_START.plusSeconds(2));
        boolean afterOne = verdicts.settled(OURS);
        verdicts.offer(alert("PAL-PROC-002", OURS, "rpm -q", RUN_START.plusSeconds(3)), RUN_START.plusSeconds(4));

        assertThat(afterOne).as("one of its two alerts is still missing: its execs are repeated").isFalse();
        assertThat(verdicts.settled(OURS)).isTrue();
    }

    @Test
    void anActionThatFailedSettlesAtOnceAndFailsTheRun() throws InterruptedException {
        Verdicts verdicts = verdicts();
        List<Expectation> expectations = List.of(inContainer("PAL-STAT-001", null));
        verdicts.expect(expectations);

        verdicts.fail(expectations, "container not started: no such image");
        long started = System.nanoTime();
        verdicts.awaitSettled(Instant.now().plus(Duration.ofMinutes(1)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        SelftestResult result = new SelftestResult("run1", "busybox", Duration.ofSeconds(90), verdicts.outcomes());
        assertThat(result.passed()).isFalse();
        assertThat(result.outcomes().getFirst().error()).isEqualTo("container not started: no such image");
    }

    private static Verdicts verdicts() {
        return new Verdicts(Set.of("PAL-PROC-001", "PAL-PROC-002", "PAL-PROC-003", "PAL-CNT-001", "PAL-CNT-002",
                "PAL-FILE-003", "PAL-STAT-001"), RUN_START);
    }

    static Expectation inContainer(String ruleId, String containerId) {
        String action = ruleId.equals("PAL-PROC-003") ? "network-tool" : "shell";
        return new Expectation(action, "an action", ruleId, containerId, "run1-" + action, RUN_START);
    }

    static Expectation onHost(String ruleId) {
        return new Expectation("authorized-keys", "a host action", ruleId, null, "run1-authorized-keys", RUN_START);
    }

    static Alert alert(String ruleId, String containerId, String commandLine, Instant firstSeen) {
        return Alert.newBuilder(Samples.alert()).setId(ruleId + "/" + containerId + "/" + firstSeen)
                .setRule(new Rule(ruleId, "a rule", Severity.WARNING)).setFirstSeen(firstSeen).setLastSeen(firstSeen)
                .setMessage("a message")
                .setContainer(containerId == null ? null : Container.newBuilder().setId(containerId).build())
                .setProcess(commandLine == null ? null
                        : Process.newBuilder().setPid(1).setArgs(List.of(commandLine.split(" "))).build())
                .setFile(null).build();
    }

    private static Alert fileAlert(String ruleId, String containerId, String path) {
        return Alert.newBuilder(alert(ruleId, containerId, null, RUN_START.plusSeconds(1)))
                .setId(ruleId + "/" + containerId + "/" + path).setFile(File.newBuilder().setPath(path).build())
                .build();
    }
}
