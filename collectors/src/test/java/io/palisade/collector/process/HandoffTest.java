package io.palisade.collector.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HandoffTest {

    @Test
    void keepsTheOrderAndRefusesBeyondItsCapacityUntilTheConsumerTakesSome() {
        Handoff<String> handoff = new Handoff<>(2);

        assertThat(handoff.offer("a")).isTrue();
        assertThat(handoff.offer("b")).isTrue();
        assertThat(handoff.offer("c")).as("full").isFalse();
        assertThat(handoff.poll(Duration.ZERO)).isEqualTo("a");
        assertThat(handoff.offer("d")).isTrue();

        assertThat(handoff.poll(Duration.ZERO)).isEqualTo("b");
        assertThat(handoff.poll(Duration.ZERO)).isEqualTo("d");
        assertThat(handoff.isEmpty()).isTrue();
        assertThat(handoff.poll(Duration.ofMillis(10))).isNull();
    }

    @Test
    void aWaitingConsumerIsWokenByTheNextOffer() throws InterruptedException {
        Handoff<String> handoff = new Handoff<>(1);
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(100); // let the consumer start waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handoff.offer("exec");
        });

        // Without the wake-up each poll would wait its whole minute (a spurious wake-up returns null: poll again).
        String item = null;
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (item == null && System.nanoTime() < deadline) {
            item = handoff.poll(Duration.ofMinutes(1));
        }
        assertThat(item).isEqualTo("exec");
        producer.join();
    }
}
