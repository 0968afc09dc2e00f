package io.palisade.sinks;

import java.time.Duration;

/**
 * Exponential backoff between retries of a failed write: {@code initial}, twice that, four times... never more than
 * {@code max}. {@link SinkSettings} validates both. There is no attempt limit: an alert is never dropped because its
 * destination was down for long.
 *
 * @param initial delay before the first retry
 * @param max     longest delay between two attempts
 */
public record Backoff(Duration initial, Duration max) {

    /** Delay before retry number {@code retry} (0 for the first retry). */
    public Duration delay(int retry) {
        // Past 2^20 the product would only exceed any sensible max; capping the shift keeps it from overflowing.
        long factor = 1L << Math.min(retry, 20);
        Duration delay = initial.multipliedBy(factor);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
