package io.palisade.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders rule metadata as the markdown table of rules/README.md ({@code palisade rules list}), so the
 * documented library is generated from the rules themselves and never drifts from them.
 */
public final class RuleCatalog {

    private static final String HEADER = """
            | Id | Rule | Severity | MITRE ATT&CK | Tags |
            |----|------|----------|--------------|------|
            """;

    private RuleCatalog() {
    }

    /** One row per rule, in the order given; technique as {@code T1611 Escape to Host}, or {@code -}. */
    public static String markdown(List<RuleMetadata> rules) {
        return rules.stream().map(RuleCatalog::row).collect(Collectors.joining("\n", HEADER, "\n"));
    }

    private static String row(RuleMetadata rule) {
        String technique = rule.threat()
                .map(t -> t.getTechnique().getId() + " " + t.getTechnique().getName())
                .orElse("-");
        return "| " + String.join(" | ", rule.id(), cell(rule.name()), rule.severity().name(), cell(technique),
                cell(String.join(", ", rule.tags()))) + " |";
    }

    /** A pipe would end the cell early. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
