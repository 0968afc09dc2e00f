package io.palisade.cli.alerts;

import java.util.Set;
import java.util.function.Predicate;

import io.palisade.schema.Alert;
import io.palisade.schema.Severity;

/**
 * Which alerts a viewer shows: those at or above a severity and, when rule ids are given, only of those rules.
 *
 * @param minimum lowest severity shown
 * @param ruleIds rule ids shown (e.g. PAL-CNT-001); empty shows every rule
 */
public record AlertSelection(Severity minimum, Set<String> ruleIds) implements Predicate<Alert> {

    public AlertSelection {
        ruleIds = Set.copyOf(ruleIds);
    }

    /** Every alert. */
    public static AlertSelection all() {
        return new AlertSelection(Severity.DEBUG, Set.of());
    }

    @Override
    public boolean test(Alert alert) {
        return alert.getRule().getSeverity().compareTo(minimum) >= 0
                && (ruleIds.isEmpty() || ruleIds.contains(alert.getRule().getId()));
    }
}
