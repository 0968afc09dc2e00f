package io.palisade.processor.correlation;

import java.time.Duration;
import java.time.Instant;

import io.palisade.schema.Alert;

/**
 * The first alert of a sequence seen in one container, waiting for the next one, kept in a state store.
 *
 * @param first the latest alert of the sequence's first rule
 * @param fired whether the sequence already raised its alert for this first alert's window
 */
record ArmedSequence(Alert first, boolean fired) {

    Instant start() {
        return first.getFirstSeen();
    }

    /** Whether {@code at} falls within the window that starts at the first alert. */
    boolean covers(Instant at, Duration window) {
        return !at.isBefore(start()) && !at.isAfter(start().plus(window));
    }
}
