package io.palisade.sinks;

import java.time.Instant;

import io.palisade.schema.Alert;
import io.palisade.schema.Rule;
import io.palisade.schema.Severity;

/** Small alerts for tests that need many of them; a fully populated one is {@code Samples.alert()}. */
public final class TestAlerts {

    public static final Instant FIRST_SEEN = Instant.parse("2026-01-01T00:00:00.123Z");

    private TestAlerts() {
    }

    /** An alert with only the required fields. */
    public static Alert minimal(String id, String ruleId, Severity severity) {
        return minimalBuilder(id, ruleId, severity).build();
    }

    /** A builder holding {@link #minimal}'s fields, for tests that vary one of them. */
    public static Alert.Builder minimalBuilder(String id, String ruleId, Severity severity) {
        return Alert.newBuilder()
                .setId(id)
                .setRule(Rule.newBuilder().setId(ruleId).setName("Test rule " + ruleId).setSeverity(severity).build())
                .setMessage("alert " + id)
                .setFirstSeen(FIRST_SEEN)
                .setLastSeen(FIRST_SEEN)
                .setCount(1);
    }
}
