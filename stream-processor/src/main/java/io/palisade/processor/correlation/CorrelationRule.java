package io.palisade.processor.correlation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

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
        long millis = eventTime.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, size.toMillis()));
    }

    /** The same scheme as the processor's rule alerts (SHA-256 of rule id, dedup key and window start). */
    String alertId(String dedupKey, Instant windowStart) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            // NUL separators: no rule id, key or time can run into the next and collide.
            sha256.update((id + '\0' + dedupKey + '\0' + windowStart.toEpochMilli()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
