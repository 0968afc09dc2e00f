package io.palisade.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.palisade.rules.fixture.FixtureReport;
import io.palisade.rules.fixture.FixtureRunner;
import io.palisade.rules.logging.RecordingLoggerProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build check over the shipped library (architecture conventions 8 and 9): every DRL compiles with no error or
 * warning and complete metadata, every rule has a positive and a negative fixture, and every fixture passes.
 * Loading and evaluating log no warning either: Drools reports some rule problems (a constraint that makes a pattern
 * class reactive) only in its log.
 */
class BuiltinRulesTest {

    /** Drools' default ConstraintJittingThresholdOption. */
    private static final int JITTING_THRESHOLD = 20;

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

    /**
     * Drools interprets a constraint for its first 20 evaluations, then compiles it to bytecode; some constructs
     * (custom operators such as {@code str[startsWith]}) fail only then. A processor evaluates millions of records,
     * so the fixtures must pass on the compiled path too.
     */
    @Test
    void fixturesStillPassOnceDroolsCompiledEveryConstraint() {
        RuleEngine fresh = RuleEngine.load(List.of());
        for (int run = 0; run < JITTING_THRESHOLD; run++) {
            FixtureRunner.runBuiltin(fresh);
        }

        FixtureReport report = FixtureRunner.runBuiltin(fresh);

        assertThat(report.results()).as(report.table()).allMatch(r -> r.passed());
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
