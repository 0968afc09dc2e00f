package io.palisade.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.palisade.rules.fixture.FixtureReport;
import io.palisade.rules.fixture.FixtureRunner;
import io.palisade.rules.logging.RecordingLoggerProvider;

/**
 * The build check over the shipped library (architecture conventions 8 and 9): every DRL compiles with no error or
 * warning and complete metadata, every rule has a positive and a negative fixture, and every fixture passes.
 * Loading and evaluating log no warning either: Drools reports some rule problems (a constraint that makes a pattern
 * class reactive) only in its log.
 */
class BuiltinRulesTest {

    private static RuleEngine engine;

    @BeforeAll
    static void load() {
        engine = RuleEngine.load(List.of());
    }

    @Test
    void everyBuiltinFixturePassesAndEveryRuleHasBoth() {
        FixtureReport report = FixtureRunner.runBuiltin(engine);

        assertThat(report.missingFixtures()).as(report.table()).isEmpty();
        assertThat(report.results()).as(report.table()).allMatch(r -> r.passed());
        assertThat(report.passed()).isTrue();
    }

    @Test
    void loadingAndEvaluatingTheLibraryLogNoWarning() {
        RecordingLoggerProvider.drainWarnings();

        FixtureRunner.runBuiltin(RuleEngine.load(List.of()));

        assertThat(RecordingLoggerProvider.drainWarnings()).isEmpty();
    }

    @Test
    void everyRuleIdHasAFixtureFolderOfItsOwn() {
        FixtureReport report = FixtureRunner.runBuiltin(engine);

        assertThat(report.results().stream().map(r -> r.ruleId()).distinct())
                .containsExactlyInAnyOrderElementsOf(engine.rules().stream().map(RuleMetadata::id).toList());
    }
}
