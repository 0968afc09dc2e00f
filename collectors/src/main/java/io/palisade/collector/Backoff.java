package io.palisade.collector;

import java.time.Duration;

/**
 * Exponential retry delays: doubles from {@code initial} up to {@code max}, back to {@code initial} after a success.
 * Not thread-safe: each retry loop owns one.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;
    private int attempts;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay before the next attempt; each call doubles the following one, up to the maximum. */
    public Duration next() {
        Duration delay = next;
        attempts++;
        next = delay.multipliedBy(2).compareTo(max) > 0 ? max : delay.multipliedBy(2);
        return delay;
    }

    /** Failed attempts since the last {@link #reset()}. */
    public int attempts() {
        return attempts;
    }

    /** Called after a success, so the next outage starts again with a short delay. */
    public void reset() {
        next = initial;
        attempts = 0;
    }
}
