package io.palisade.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of one long-running part (a collector source, a sink loop): each started once under its own name,
 * all stopped together by a flag and an interrupt, and joined with one time limit so a stuck back end never holds up
 * the process's shutdown. Bodies loop {@code while (!worker.stopping())} and wait with {@link #pause(Duration)}.
 */
public final class Worker {

    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final String name;
    private final Duration joinTimeout;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stopping;

    /**
     * @param name        what runs, for thread names ({@code palisade-<name>}) and logs, e.g. {@code "file-source"}
     * @param joinTimeout how long {@link #stop()} waits for all threads together
     */
    public Worker(String name, Duration joinTimeout) {
        this.name = name;
        this.joinTimeout = joinTimeout;
    }

    /** Starts {@code body} on a daemon thread named {@code palisade-<name>}. */
    public void start(Runnable body) {
        start(name, body);
    }

    /**
     * Starts {@code body} on a daemon thread named {@code palisade-<threadName>}, for a part that runs several.
     *
     * @throws IllegalStateException when a thread of that name was started already, or the worker was stopped
     */
    public synchronized void start(String threadName, Runnable body) {
        String fullName = "palisade-" + threadName;
        if (stopping || threads.stream().anyMatch(thread -> thread.getName().equals(fullName))) {
            throw new IllegalStateException(threadName + (stopping ? " is stopped" : " already started"));
        }
        threads.add(Thread.ofPlatform().name(fullName).daemon().start(body));
    }

    /**
     * Starts a thread that runs {@code task} at once and then every {@code period} until stopped. A run that took
     * longer than the period is not made up for: the next one follows at once, then the rate resumes.
     */
    public void startRepeating(String threadName, Duration period, Runnable task) {
        start(threadName, () -> {
            long next = System.nanoTime();
            do {
                task.run();
                next = Math.max(next + period.toNanos(), System.nanoTime());
            } while (pause(Duration.ofNanos(next - System.nanoTime())));
        });
    }

    /** Whether {@link #stop()} was called; bodies check it between steps. */
    public boolean stopping() {
        return stopping;
    }

    /**
     * Waits {@code delay}, e.g. before a retry or the next sample.
     *
     * @return false when stopping, or interrupted because stopping began: the body should end
     */
    public boolean pause(Duration delay) {
        if (stopping) {
            return false;
        }
        try {
            Thread.sleep(delay);
            return !stopping;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks every thread to end, interrupting what it waits for, and waits until they have (at most the timeout). */
    public synchronized void stop() {
        stopping = true;
        threads.forEach(Thread::interrupt);
        Instant deadline = Instant.now().plus(joinTimeout);
        for (Thread thread : threads) {
            try {
                Duration left = Duration.between(Instant.now(), deadline);
                if (!thread.join(left.isNegative() ? Duration.ZERO : left)) {
                    LOG.atWarn().setMessage("Thread did not stop in time").addKeyValue("thread", thread.getName())
                            .addKeyValue("waited", joinTimeout).log();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
