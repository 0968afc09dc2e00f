package io.palisade.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.palisade.rules.fixture.Fixture;
import io.palisade.rules.fixture.FixtureReader;
import io.palisade.schema.File;
import io.palisade.schema.FileEvent;
import io.palisade.schema.Process;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.Samples;
import io.palisade.schema.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What a finding carries, which is what the stream processor builds an Alert from. */
class RuleEngineTest {

    private static RuleEngine engine;

    @BeforeAll
    static void load() {
        engine = RuleEngine.load(List.of());
    }

    @Test
    void findingCarriesRuleMetadataRenderedMessageAndDedupKey() throws Exception {
        Finding finding = single("PAL-PROC-003/positive-curl-in-container.json");

        RuleMetadata rule = finding.rule();
        assertThat(rule.id()).isEqualTo("PAL-PROC-003");
        assertThat(rule.name()).isEqualTo("Network tool in container");
        assertThat(rule.severity()).isEqualTo(Severity.WARNING);
        assertThat(rule.threat()).get().satisfies(t -> {
            assertThat(t.getTechnique().getId()).isEqualTo("T1105");
            assertThat(t.getTechnique().getName()).isEqualTo("Ingress Tool Transfer");
            assertThat(t.getTactic().getName()).isEqualTo("Command and Control");
            assertThat(t.getFramework()).isEqualTo("MITRE ATT&CK");
        });
        assertThat(rule.tags()).containsExactly("container", "process", "network");
        assertThat(rule.description()).isNotBlank();
        assertThat(finding.message()).isEqualTo("Network tool curl run in container web (nginx:1.27): "
                + "[curl, -o, /tmp/x, http://203.0.113.7/x]");
        assertThat(finding.dedupKey())
                .isEqualTo("c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00/curl");
    }

    @Test
    void ruleMatchingSeveralWaysGivesOneFinding() throws Exception {
        Fixture fixture = fixture("PAL-CNT-003/positive-host-root-and-proc.json");

        assertThat(engine.evaluate(fixture.facts())).singleElement()
                .satisfies(f -> assertThat(f.rule().id()).isEqualTo("PAL-CNT-003"));
    }

    @Test
    void evaluationsDoNotShareState() throws Exception {
        Fixture privileged = fixture("PAL-PROC-006/positive-mount-in-privileged.json");
        Fixture unknownPosture = fixture("PAL-PROC-006/negative-mount-posture-unknown.json");

        // Were the privileged posture of the first call left in a pooled session, the second call's event would
        // join it and fire.
        for (int round = 0; round < 3; round++) {
            assertThat(engine.evaluate(privileged.facts())).extracting(f -> f.rule().id())
                    .containsExactly("PAL-PROC-006");
            assertThat(engine.evaluate(unknownPosture.facts())).isEmpty();
        }
    }

    private static Finding single(String fixture) throws Exception {
        List<Finding> findings = engine.evaluate(fixture(fixture).facts());
        assertThat(findings).hasSize(1);
        return findings.get(0);
    }

    private static Fixture fixture(String relative) throws Exception {
        Path root = Path.of(Objects.requireNonNull(
                RuleEngineTest.class.getResource("/io/palisade/rules/fixtures/" + relative)).toURI());
        return FixtureReader.read(root);
    }

    /** Drools compiles a constraint to bytecode after 20 uses; both the interpreted and compiled forms must hold. */
    @Test
    void eventsWithOnlyTheirRequiredFieldsBreakNoRuleEvenOnceTheRulesAreCompiled() {
        ProcessEvent bareProcess = ProcessEvent.newBuilder(Samples.processEvent())
                .setProcess(Process.newBuilder().setPid(42).setArgs(List.of()).build()).setUser(null).build();
        FileEvent bareFile = FileEvent.newBuilder(Samples.fileEvent())
                .setFile(File.newBuilder().setPath("/etc/x").build()).build();
        for (int i = 0; i < 30; i++) {
            assertThat(engine.evaluate(Facts.of(bareProcess).withPosture(Samples.posture()))).isNotNull();
            assertThat(engine.evaluate(Facts.of(bareFile))).isNotNull();
        }
    }
}
