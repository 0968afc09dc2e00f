package io.palisade.cli.selftest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What became of one {@link Expectation}: the alert that answered it, if any, when it arrived, and whether it named
 * the right container; or why the action could not be performed.
 *
 * @param expectation         the alert waited for
 * @param alertId             the alert's id; {@code null} when none was seen
 * @param alertContainerId    the container the alert named; {@code null} for none
 * @param attributionCorrect  whether the alert named the action's container (none for a host action)
 * @param firstSeen           the alert's first_seen (event time of its first evidence)
 * @param arrived             when the self-test read the alert
 * @param error               why the action failed; {@code null} when it was performed
 */
public record Outcome(Expectation expectation, String alertId, String alertContainerId, boolean attributionCorrect,
                      Instant firstSeen, Instant arrived, String error) {

    static Outcome waiting(Expectation expectation) {
        return new Outcome(expectation, null, null, false, null, null, null);
    }

    static Outcome failed(Expectation expectation, String error) {
        return new Outcome(expectation, null, null, false, null, null, error);
    }

    public boolean seen() {
        return alertId != null;
    }

    /** Seen and attributed to the right container: what the self-test requires of every expectation. */
    public boolean passed() {
        return seen() && attributionCorrect;
    }

    /** From the action to the first evidence of the alert (collector clock). */
    public Optional<Duration> toFirstSeen() {
        return seen() ? Optional.of(Duration.between(expectation.performedAt(), firstSeen)) : Optional.empty();
    }

    /** From the action to the alert read from palisade.alerts: the whole pipeline's latency. */
    public Optional<Duration> toArrival() {
        return seen() ? Optional.of(Duration.between(expectation.performedAt(), arrived)) : Optional.empty();
    }
}
