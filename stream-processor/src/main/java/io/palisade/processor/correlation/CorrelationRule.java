package io.palisade.processor.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.palisade.processor.support.AlertIds;
import io.palisade.schema.Alert;
import io.palisade.schema.Rule;
import io.palisade.schema.Severity;
import io.palisade.schema.Threat;
import io.palisade.schema.ThreatTactic;
import io.palisade.schema.ThreatTechnique;

/**
 * Metadata of one correlation rule, and the alerts it raises: every correlation alert gets its rule, tags and threat
 * from here, and an id that depends only on rule id, dedup key and window start, so a replay after a crash writes the
 * same ids and sinks overwrite instead of doubling.
 */
record CorrelationRule(String id, String name, Severity severity, List<String> tags, String techniqueId,
                       String techniqueName, String tacticId, String tacticName) {

    /**
     * A new alert of this rule with id, rule, tags, threat, message and times set; the caller adds context and
     * evidence.
     */
    Alert.Builder alert(String dedupKey, Instant windowStart, String message, Instant firstSeen, Instant lastSeen,
                        long count) {
        return Alert.newBuilder()
                .setId(alertId(dedupKey, windowStart))
                .setRule(Rule.newBuilder().setId(id).setName(name).setSeverity(severity).build())
                .setTags(tags)
                .setThreat(threat())
                .setMessage(message)
                .setFirstSeen(firstSeen)
                .setLastSeen(lastSeen)
                .setCount(count);
    }

    /** The ATT&amp;CK mapping, or null for a rule without one (a generic repeat says nothing of the technique). */
    private Threat threat() {
        if (techniqueId == null) {
            return null;
        }
        return Threat.newBuilder()
                .setTechnique(ThreatTechnique.newBuilder().setId(techniqueId).setName(techniqueName).build())
                .setTactic(ThreatTactic.newBuilder().setId(tacticId).setName(tacticName).build())
                .build();
    }

    /** The start of the tumbling event-time window of {@code size} that {@code eventTime} falls into. */
    static Instant windowStart(Instant eventTime, Duration size) {
        return AlertIds.windowStart(eventTime, size);
    }

    /** The same scheme as the processor's rule alerts: {@link AlertIds#of}. */
    String alertId(String dedupKey, Instant windowStart) {
        return AlertIds.of(id, dedupKey, windowStart);
    }
}
