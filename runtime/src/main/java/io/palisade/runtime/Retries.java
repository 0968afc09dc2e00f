package io.palisade.runtime;

import java.time.Duration;

/**
 * The failed attempts of one retry loop under a {@link Backoff}: each {@link #next()} gives the delay before the
 * next attempt, a success {@link #reset() starts over}. Not thread-safe: each loop owns one.
 */
public final class Retries {

    private final Backoff backoff;
    private int attempts;

    Retries(Backoff backoff) {
        this.backoff = backoff;
    }

    /** Counts a failed attempt and returns the delay before the next one. */
    public Duration next() {
        return backoff.delay(attempts++);
    }

    /** Failed attempts since the last {@link #reset()}. */
    public int attempts() {
        return attempts;
    }

    /** Called after a success, so the next outage starts again with a short delay. */
    public void reset() {
        attempts = 0;
    }
}
