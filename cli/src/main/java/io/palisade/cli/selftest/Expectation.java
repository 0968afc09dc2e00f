package io.palisade.cli.selftest;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

import io.palisade.schema.Alert;

/**
 * One alert the self-test waits for: a rule that must fire for an action, attributed to the action's container (or
 * to no container for an action on the host).
 *
 * @param action      the action's name
 * @param description what the action did
 * @param ruleId      the rule that must fire
 * @param containerId the container the alert must name; {@code null} for a host action, whose alert names none
 * @param marker      unique to this action in this run; named by the container's name or the host path it changed
 * @param performedAt when the action started
 */
public record Expectation(String action, String description, String ruleId, String containerId, String marker,
                          Instant performedAt) {

    /**
     * Whether {@code alert} is this rule's alert for this action: it names the action's container, or it mentions the
     * marker (in its message, container name, file path or process arguments), wherever it was attributed.
     */
    public boolean evidencedBy(Alert alert) {
        if (!ruleId.equals(alert.getRule().getId())) {
            return false;
        }
        return containerId != null && containerId.equals(containerIdOf(alert)) || mentionsMarker(alert);
    }

    /** Whether {@code alert} names the container it should: the action's, or none for a host action. */
    public boolean attributedCorrectly(Alert alert) {
        return Objects.equals(containerId, containerIdOf(alert));
    }

    static String containerIdOf(Alert alert) {
        return alert.getContainer() == null ? null : alert.getContainer().getId();
    }

    private boolean mentionsMarker(Alert alert) {
        Stream<String> texts = Stream.of(alert.getMessage(),
                alert.getContainer() == null ? null : alert.getContainer().getName(),
                alert.getFile() == null ? null : alert.getFile().getPath());
        if (alert.getProcess() != null) {
            texts = Stream.concat(texts, alert.getProcess().getArgs().stream());
        }
        return texts.anyMatch(text -> text != null && text.contains(marker));
    }
}
