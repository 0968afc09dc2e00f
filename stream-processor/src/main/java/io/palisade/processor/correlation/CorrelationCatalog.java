package io.palisade.processor.correlation;

import java.util.List;
import java.util.Map;

import io.palisade.schema.Severity;

/**
 * Every correlation rule's metadata in one place: id, name, severity, MITRE ATT&amp;CK technique and tactic, tags. The
 * ids are fixed because the rules library and the docs refer to them.
 */
final class CorrelationCatalog {

    /** A rule, then another, in one container within a window (default: shell, then a write below /usr/bin). */
    static final CorrelationRule SEQUENCE = new CorrelationRule("PAL-CORR-001",
            "Shell in container followed by write below binary directory", Severity.CRITICAL,
            List.of("container", "correlation", "sequence"),
            "T1554", "Compromise Host Software Binary", "TA0003", "Persistence");

    /**
     * Many alerts of one rule from one container within a window. No ATT&amp;CK mapping of its own: what the repeated
     * rule means is in the rule it repeats (quoted in the message).
     */
    static final CorrelationRule THRESHOLD = new CorrelationRule("PAL-CORR-002",
            "Repeated finding in container", Severity.WARNING, List.of("container", "correlation", "threshold"),
            null, null, null, null);

    /** Thresholds whose source rule has a more telling name than the generic one. */
    private static final Map<String, CorrelationRule> THRESHOLD_BY_SOURCE_RULE = Map.of(
            "PAL-STAT-001", new CorrelationRule(THRESHOLD.id(),
                    "Sustained high CPU in container (crypto-miner pattern)", Severity.ERROR,
                    List.of("container", "correlation", "threshold", "cryptomining"),
                    "T1496", "Resource Hijacking", "TA0040", "Impact"));

    /** An executable an image never ran during its learning period. */
    static final CorrelationRule FIRST_SEEN = new CorrelationRule("PAL-CORR-003",
            "Executable never seen for this image", Severity.WARNING, List.of("container", "correlation", "first_seen"),
            "T1204", "User Execution", "TA0002", "Execution");

    /** One rule firing on several hosts within a window. */
    static final CorrelationRule FLEET = new CorrelationRule("PAL-CORR-004",
            "Same finding on several hosts (campaign)", Severity.CRITICAL, List.of("fleet", "correlation", "campaign"),
            "T1570", "Lateral Tool Transfer", "TA0008", "Lateral Movement");

    /** A resource sample far above its image's baseline. */
    static final CorrelationRule STATS_DEVIATION = new CorrelationRule("PAL-CORR-005",
            "Resource use far above image baseline", Severity.WARNING, List.of("container", "correlation", "anomaly"),
            "T1496", "Resource Hijacking", "TA0040", "Impact");

    private CorrelationCatalog() {
    }

    /** The threshold rule raised for repeats of {@code sourceRuleId}. */
    static CorrelationRule threshold(String sourceRuleId) {
        return THRESHOLD_BY_SOURCE_RULE.getOrDefault(sourceRuleId, THRESHOLD);
    }

    /** Every rule, for documentation and tests. */
    static List<CorrelationRule> all() {
        return List.of(SEQUENCE, THRESHOLD, THRESHOLD_BY_SOURCE_RULE.get("PAL-STAT-001"), FIRST_SEEN, FLEET,
                STATS_DEVIATION);
    }
}
