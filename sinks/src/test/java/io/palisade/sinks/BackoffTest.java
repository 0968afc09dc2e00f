package io.palisade.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    @Test
    void doublesFromTheInitialDelay() {
        assertThat(backoff.delay(0)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofMillis(1600));
    }

    @Test
    void neverWaitsLongerThanTheMaximumHoweverManyRetries() {
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(5));
    }
}
