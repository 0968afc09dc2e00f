package io.palisade.cli.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.palisade.cli.selftest.Action.ContainerSpec;
import io.palisade.cli.selftest.Action.Exec;
import io.palisade.rules.RuleEngine;
import io.palisade.rules.RuleMetadata;
import org.junit.jupiter.api.Test;

class ActionsTest {

    /** Correlations are the processor's, not rules of the library. */
    private static final Set<String> CORRELATIONS = Set.of("PAL-CORR-001");

    @Test
    void everyExpectedRuleIsABuiltInRuleOrACorrelation() {
        Set<String> builtIn = RuleEngine.load(List.of()).rules().stream().map(RuleMetadata::id)
                .collect(Collectors.toSet());

        assertThat(Actions.all()).flatExtracting(Action::expectedRules)
                .allMatch(rule -> builtIn.contains(rule) || CORRELATIONS.contains(rule));
    }

    @Test
    void namesAreUniqueAndFitContainerNamesAndPaths() {
        List<String> names = Actions.all().stream().map(Action::name).toList();

        assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.matches("[a-z][a-z0-9-]*"));
    }

    @Test
    void theIssuesActionsAreAllThere() {
        assertThat(Actions.all()).flatExtracting(Action::expectedRules).contains("PAL-PROC-001", "PAL-FILE-008",
                "PAL-PROC-011", "PAL-FILE-003", "PAL-CNT-001", "PAL-CNT-002", "PAL-FILE-004", "PAL-PROC-002",
                "PAL-STAT-001");
    }

    @Test
    void execsCanOnlyWaitForARuleTheActionExpects() {
        assertThatThrownBy(() -> new Action.InContainer("x", "x", List.of("PAL-CNT-001"), ContainerSpec.idle(),
                "PAL-CNT-002", List.of(Exec.of("true"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PAL-CNT-002");
    }
}
