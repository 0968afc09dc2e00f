package io.palisade.processor.correlation;

import static io.palisade.processor.correlation.Records.SHELL;
import static io.palisade.processor.correlation.Records.T0;
import static io.palisade.processor.correlation.Records.WRITE_BIN;
import static io.palisade.processor.correlation.Records.ruleAlert;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.palisade.schema.Alert;
import io.palisade.schema.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceCorrelationTest extends CorrelationTestSupport {

    @Test
    void aShellThenAWriteBelowBinInTheSameContainerWithinFiveMinutesRaisesOneCriticalAlertCitingBoth() {
        Alert shell = ruleAlert(SHELL, "e-shell", T0, "c1");
        Alert write = ruleAlert(WRITE_BIN, "e-write", T0.plus(Duration.ofMinutes(4)), "c1");

        harness.ruleAlerts(shell, write);

        assertThat(harness.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getRule().getId()).isEqualTo("PAL-CORR-001");
            assertThat(alert.getRule().getSeverity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.getEvidenceEventIds()).containsExactly("e-shell", "e-write");
            assertThat(alert.getFirstSeen()).isEqualTo(T0);
            assertThat(alert.getLastSeen()).isEqualTo(write.getLastSeen());
            assertThat(alert.getContainer()).isEqualTo(write.getContainer());
            assertThat(alert.getThreat().getTechnique().getId()).isEqualTo("T1554");
            assertThat(alert.getMessage()).contains("rule PAL-PROC-001 then rule PAL-FILE-001", "c-c1", "4m");
        });
    }

    @Test
    void moreWritesInTheSameWindowRaiseNothingMore() {
        harness.ruleAlerts(ruleAlert(SHELL, "e-shell", T0, "c1"),
                ruleAlert(WRITE_BIN, "e-write-1", T0.plusSeconds(10), "c1"),
                ruleAlert(WRITE_BIN, "e-write-2", T0.plusSeconds(20), "c1"),
                ruleAlert(SHELL, "e-shell-2", T0.plusSeconds(30), "c1"),
                ruleAlert(WRITE_BIN, "e-write-3", T0.plusSeconds(40), "c1"));

        assertThat(harness.alerts()).hasSize(1);
    }

    @Test
    void theSameSequenceLaterRaisesASecondAlertWithAnotherId() {
        Duration later = Duration.ofMinutes(30);
        harness.ruleAlerts(ruleAlert(SHELL, "e-shell", T0, "c1"),
                ruleAlert(WRITE_BIN, "e-write", T0.plusSeconds(10), "c1"),
                ruleAlert(SHELL, "e-shell-2", T0.plus(later), "c1"),
                ruleAlert(WRITE_BIN, "e-write-2", T0.plus(later).plusSeconds(10), "c1"));

        List<Alert> alerts = harness.alerts();
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).getId()).isNotEqualTo(alerts.get(1).getId());
    }

    @Test
    void aWriteBeforeTheShellIsNotTheSequence() {
        harness.ruleAlerts(ruleAlert(WRITE_BIN, "e-write", T0, "c1"),
                ruleAlert(SHELL, "e-shell", T0.plusSeconds(10), "c1"));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void aWriteThatArrivesBeforeItsShellStillCompletesTheSequenceInEventTimeOrder() {
        Alert shell = ruleAlert(SHELL, "e-shell", T0, "c1");
        Alert write = ruleAlert(WRITE_BIN, "e-write", T0.plusSeconds(90), "c1");

        harness.ruleAlerts(write, shell);

        assertThat(harness.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getEvidenceEventIds()).containsExactly("e-shell", "e-write");
            assertThat(alert.getFirstSeen()).isEqualTo(T0);
        });
    }

    @Test
    void aShellThatArrivesLateDoesNotShortenTheWindowOfALaterShell() {
        harness.ruleAlerts(ruleAlert(SHELL, "e-shell-later", T0.plus(Duration.ofMinutes(2)), "c1"),
                ruleAlert(SHELL, "e-shell-earlier", T0, "c1"),
                ruleAlert(WRITE_BIN, "e-write", T0.plus(Duration.ofMinutes(6)), "c1"));

        assertThat(harness.alerts()).singleElement().extracting(Alert::getEvidenceEventIds)
                .isEqualTo(List.of("e-shell-later", "e-write"));
    }

    @Test
    void aWriteMoreThanFiveMinutesAfterTheShellIsNotTheSequence() {
        harness.ruleAlerts(ruleAlert(SHELL, "e-shell", T0, "c1"),
                ruleAlert(WRITE_BIN, "e-write", T0.plus(Duration.ofMinutes(5)).plusSeconds(1), "c1"));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void aShellAndAWriteInDifferentContainersAreNotTheSequence() {
        harness.ruleAlerts(ruleAlert(SHELL, "e-shell", T0, "c1"),
                ruleAlert(WRITE_BIN, "e-write", T0.plusSeconds(10), "c2"));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void theSameInputsGiveTheSameAlertIdAfterAReplay(@TempDir Path otherStateDir) {
        List<Alert> inputs = List.of(ruleAlert(SHELL, "e-shell", T0, "c1"),
                ruleAlert(WRITE_BIN, "e-write", T0.plusSeconds(10), "c1"));
        inputs.forEach(harness::ruleAlerts);
        String first = harness.alerts().getFirst().getId();

        try (CorrelationHarness replay = new CorrelationHarness(otherStateDir, CorrelationSettings.defaults())) {
            inputs.forEach(replay::ruleAlerts);
            assertThat(replay.alerts()).singleElement().extracting(Alert::getId).isEqualTo(first);
        }
    }
}
