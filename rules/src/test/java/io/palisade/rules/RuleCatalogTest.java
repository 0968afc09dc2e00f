package io.palisade.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import io.palisade.schema.Severity;
import io.palisade.schema.Threat;
import io.palisade.schema.ThreatTactic;
import io.palisade.schema.ThreatTechnique;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

    @Test
    void rendersOneRowPerRuleWithTechniqueAndTags() {
        Threat escape = Threat.newBuilder().setTechnique(new ThreatTechnique("T1611", "Escape to Host"))
                .setTactic(new ThreatTactic("TA0004", "Privilege Escalation")).build();
        List<RuleMetadata> rules = List.of(
                rule("PAL-CNT-001", "Privileged container", Severity.ERROR, Optional.of(escape),
                        List.of("container", "posture")),
                rule("PAL-CNT-009", "Limits | missing", Severity.NOTICE, Optional.empty(), List.of()));

        assertThat(RuleCatalog.markdown(rules)).isEqualTo("""
                | Id | Rule | Severity | MITRE ATT&CK | Tags |
                |----|------|----------|--------------|------|
                | PAL-CNT-001 | Privileged container | ERROR | T1611 Escape to Host | container, posture |
                | PAL-CNT-009 | Limits \\| missing | NOTICE | - |  |
                """);
    }

    @Test
    void theBuiltinLibraryRendersEveryRule() {
        RuleEngine engine = RuleEngine.load(List.of());

        String table = RuleCatalog.markdown(engine.rules());

        assertThat(table.lines().count()).isEqualTo(engine.rules().size() + 2L);
        assertThat(table).contains("| PAL-STAT-001 | CPU above threshold | NOTICE | T1496 Resource Hijacking |");
    }

    private static RuleMetadata rule(String id, String name, Severity severity, Optional<Threat> threat,
            List<String> tags) {
        return new RuleMetadata(id, name, severity, threat, tags, "why", new MessageTemplate("m"),
                new MessageTemplate("{host.id}"), "builtin:test.drl");
    }
}
