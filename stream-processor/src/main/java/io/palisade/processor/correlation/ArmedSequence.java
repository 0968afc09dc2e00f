package io.palisade.processor.correlation;

import java.time.Duration;
import java.time.Instant;

import io.palisade.schema.Alert;

/**
 * What one container has shown of a sequence so far, kept in a state store.
 *
 * @param first the latest alert of the sequence's first rule; null while only a next-rule alert was seen
 * @param fired whether the sequence already raised its alert for this first alert's window
 * @param then  the latest alert of the sequence's next rule that no first alert covered yet; null when none. It may
 *              have overtaken its first alert (the two come from different topics and tasks), so it waits here for
 *              one that started before it.
 */
record ArmedSequence(Alert first, boolean fired, Alert then) {

    static ArmedSequence armed(Alert first) {
        return new ArmedSequence(first, false, null);
    }

    /** Only a next-rule alert so far, waiting for a first alert that happened before it. */
    static ArmedSequence waiting(Alert then) {
        return new ArmedSequence(null, false, then);
    }

    /** When the first alert happened, or the waiting next-rule alert when there is no first. */
    Instant start() {
        return first != null ? first.getFirstSeen() : then.getFirstSeen();
    }

    /** Whether {@code at} falls within the window that starts at the first alert. */
    boolean covers(Instant at, Duration window) {
        return first != null && !at.isBefore(start()) && !at.isAfter(start().plus(window));
    }

    /** Whether an armed first alert, not yet fired, happened after {@code at}. */
    boolean armedAfter(Instant at) {
        return first != null && !fired && start().isAfter(at);
    }

    /** Whether the first alert still waits for a next-rule alert at {@code at}. */
    boolean awaits(Instant at, Duration window) {
        return !fired && covers(at, window);
    }

    ArmedSequence withFirst(Alert newFirst) {
        return new ArmedSequence(newFirst, false, then);
    }

    ArmedSequence withThen(Alert newThen) {
        return new ArmedSequence(first, fired, newThen);
    }

    ArmedSequence completed() {
        return new ArmedSequence(first, true, null);
    }
}
