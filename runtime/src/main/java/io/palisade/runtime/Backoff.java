package io.palisade.runtime;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter, the one retry policy of every Palisade service: before retry {@code n} (0 for the
 * first) wait between half of and the whole of {@code initial · 2^n}, never more than {@code max}. There is no attempt
 * limit: what waits is never dropped because a server was down for long.
 *
 * <p>The jitter ("equal jitter") matters to a fleet: when a broker or Elasticsearch comes back, a thousand collectors
 * or sink instances that lost it at the same moment would otherwise all retry at the same moments and knock it over
 * again; half of every delay is kept so that none retries much sooner than the policy says.
 *
 * @param initial the ceiling of the first delay
 * @param max     the longest delay between two attempts
 */
public record Backoff(Duration initial, Duration max) {

    /** Past 2^20 the product would only exceed any sensible max; capping the shift keeps it from overflowing. */
    private static final int MAX_SHIFT = 20;

    /** What is wrong with this policy, for a configuration error that lists every problem; empty when valid. */
    public Optional<String> problem() {
        if (initial == null || max == null || !initial.isPositive() || max.compareTo(initial) < 0) {
            return Optional.of("needs a positive initial delay and a max no shorter than it, not initial " + initial
                    + ", max " + max);
        }
        return Optional.empty();
    }

    /** The longest delay before retry {@code retry}: {@code initial · 2^retry}, at most {@code max}. */
    public Duration ceiling(int retry) {
        Duration ceiling = initial.multipliedBy(1L << Math.clamp(retry, 0, MAX_SHIFT));
        return ceiling.compareTo(max) > 0 ? max : ceiling;
    }

    /** The delay before retry {@code retry}, between half the {@link #ceiling} and the ceiling. */
    public Duration delay(int retry) {
        return delay(retry, ThreadLocalRandom.current());
    }

    Duration delay(int retry, RandomGenerator random) {
        long ceilingNanos = ceiling(retry).toNanos();
        long half = ceilingNanos / 2;
        return Duration.ofNanos(half + random.nextLong(ceilingNanos - half + 1));
    }

    /** A new sequence of attempts under this policy, for one retry loop. */
    public Retries retries() {
        problem().ifPresent(problem -> {
            throw new IllegalArgumentException("backoff " + problem);
        });
        return new Retries(this);
    }
}
