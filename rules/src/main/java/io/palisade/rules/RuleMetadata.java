package io.palisade.rules;

import java.util.List;
import java.util.Optional;

import io.palisade.schema.Severity;
import io.palisade.schema.Threat;

/**
 * What a rule says about itself, read from its DRL annotations: everything an {@code Alert} needs besides the
 * evidence.
 *
 * @param id stable rule id, e.g. {@code PAL-PROC-001} (ECS rule.id)
 * @param name the DRL rule name (ECS rule.name)
 * @param severity how bad a finding is
 * @param threat MITRE ATT&amp;CK technique and tactic; empty for rules declared {@code @technique("none")}
 * @param tags ECS tags
 * @param description why the rule exists and what to do about a finding
 * @param message template of the one-line alert message, with {@code {field.path}} placeholders
 * @param dedupKey template of the key repeats are suppressed by
 * @param file where the rule is defined, for messages about it
 */
public record RuleMetadata(String id, String name, Severity severity, Optional<Threat> threat, List<String> tags,
        String description, MessageTemplate message, MessageTemplate dedupKey, String file) {
}
