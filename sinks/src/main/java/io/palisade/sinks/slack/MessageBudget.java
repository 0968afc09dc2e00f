package io.palisade.sinks.slack;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How many messages one webhook may still be sent: a token bucket holding up to {@code perMinute} messages,
 * refilled at {@code perMinute} a minute. A burst up to the limit goes out at once; beyond it the sink sends digests.
 * Not thread-safe: one sink writes from one thread.
 */
final class MessageBudget {

    private static final long MINUTE_NANOS = Duration.ofMinutes(1).toNanos();

    private final int perMinute;
    private final LongSupplier nanoTime;
    private final long nanosPerMessage;
    private double tokens;
    private long refilledAt;

    MessageBudget(int perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
        this.nanosPerMessage = MINUTE_NANOS / perMinute;
        this.tokens = perMinute;
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Messages that may be sent right now. */
    int available() {
        refill();
        return (int) tokens;
    }

    /** How long until one message may be sent; zero when one may be sent now. */
    Duration untilNext() {
        refill();
        return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) ((1 - tokens) * nanosPerMessage) + 1);
    }

    /** Counts one message sent (the caller waited {@link #untilNext()} first). */
    void spend() {
        refill();
        tokens = Math.max(0, tokens - 1);
    }

    /**
     * Slack said it is throttling this webhook: after its Retry-After, which the caller waits, only the message it
     * refused goes at once; the ones after it follow the sustained rate.
     */
    void throttled() {
        refill();
        tokens = 1;
    }

    private void refill() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(perMinute, tokens + (double) (now - refilledAt) / nanosPerMessage);
        refilledAt = now;
    }
}
