package io.palisade.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    @Test
    void theCeilingDoublesFromTheInitialDelayUpToTheMaximum() {
        assertThat(backoff.ceiling(0)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofMillis(1600));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.ceiling(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void everyDelayLiesBetweenHalfTheCeilingAndTheCeilingAndTheyDiffer() {
        SplittableRandom random = new SplittableRandom(7);
        Set<Duration> seen = new HashSet<>();
        for (int retry = 0; retry < 10; retry++) {
            for (int draw = 0; draw < 100; draw++) {
                Duration delay = backoff.delay(retry, random);
                assertThat(delay).isBetween(backoff.ceiling(retry).dividedBy(2), backoff.ceiling(retry));
                seen.add(delay);
            }
        }
        assertThat(seen).as("clients that failed together must not retry in step").hasSizeGreaterThan(900);
    }

    @Test
    void anInvalidPolicyIsReportedAsAProblemAndCannotStartRetries() {
        Backoff inverted = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1));

        assertThat(backoff.problem()).isEmpty();
        assertThat(inverted.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("initial PT2S"));
        assertThat(new Backoff(Duration.ZERO, Duration.ofSeconds(1)).problem()).isPresent();
        assertThat(new Backoff(null, Duration.ofSeconds(1)).problem()).isPresent();
        assertThatThrownBy(inverted::retries).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive initial delay");
    }

    @Test
    void retriesCountFailedAttemptsAndStartOverAfterASuccess() {
        Retries retries = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5)).retries();

        assertThat(retries.next()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(retries.next()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(retries.next()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(retries.next()).isBetween(Duration.ofMillis(2500), Duration.ofSeconds(5));
        assertThat(retries.attempts()).isEqualTo(4);

        retries.reset();

        assertThat(retries.attempts()).isZero();
        assertThat(retries.next()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    }
}
