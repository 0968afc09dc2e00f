package io.palisade.sinks.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class MessageBudgetTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final MessageBudget budget = new MessageBudget(20, now::get);

    @Test
    void aBurstUpToTheLimitGoesAtOnceThenOneMessageEveryThreeSeconds() {
        assertThat(budget.available()).isEqualTo(20);
        for (int i = 0; i < 20; i++) {
            budget.spend();
        }

        assertThat(budget.available()).isZero();
        assertThat(budget.untilNext()).isBetween(Duration.ofMillis(2999), Duration.ofMillis(3001));
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(budget.available()).isEqualTo(1);
        assertThat(budget.untilNext()).isZero();
    }

    @Test
    void theBudgetNeverRefillsBeyondTheLimit() {
        now.addAndGet(Duration.ofHours(1).toNanos());

        assertThat(budget.available()).isEqualTo(20);
    }

    @Test
    void afterThrottlingOnlyTheRefusedMessageGoesAtOnce() {
        budget.spend();
        budget.throttled();

        assertThat(budget.available()).isEqualTo(1);
        budget.spend();
        assertThat(budget.untilNext()).isPositive();
    }
}
