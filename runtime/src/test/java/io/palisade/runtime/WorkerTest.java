package io.palisade.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WorkerTest {

    private static final Duration JOIN = Duration.ofSeconds(10);

    @Test
    void stopWakesABodyThatPausesAndWaitsForItToEnd() throws Exception {
        Worker worker = new Worker("test-source", JOIN);
        CountDownLatch pausing = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        worker.start(() -> {
            pausing.countDown();
            while (worker.pause(Duration.ofHours(1))) {
                // a retry loop that would wait an hour between attempts
            }
            ended.set(true);
        });
        assertThat(pausing.await(10, TimeUnit.SECONDS)).isTrue();

        worker.stop();

        assertThat(ended).as("the body ended before stop() returned").isTrue();
        assertThat(worker.stopping()).isTrue();
        assertThat(worker.pause(Duration.ofHours(1))).as("no pause once stopping").isFalse();
    }

    @Test
    void aThreadStartsOnceUnderItsNameAndNotAfterStop() {
        Worker worker = new Worker("test-source", JOIN);
        CountDownLatch named = new CountDownLatch(1);
        worker.start("test-observer", () -> {
            if (Thread.currentThread().getName().equals("palisade-test-observer")) {
                named.countDown();
            }
        });
        assertThatThrownBy(() -> worker.start("test-observer", () -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
        worker.stop();
        assertThatThrownBy(() -> worker.start("test-publisher", () -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
        assertThat(named.getCount()).isZero();
    }

    @Test
    void aRepeatingTaskRunsAgainUntilStopped() throws Exception {
        Worker worker = new Worker("test-sampler", JOIN);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch thrice = new CountDownLatch(3);
        worker.startRepeating("test-sampler", Duration.ofMillis(10), () -> {
            runs.incrementAndGet();
            thrice.countDown();
        });
        assertThat(thrice.await(10, TimeUnit.SECONDS)).isTrue();

        worker.stop();
        int atStop = runs.get();
        Thread.sleep(50);

        assertThat(runs.get()).as("no run after stop() returned").isEqualTo(atStop);
    }
}
