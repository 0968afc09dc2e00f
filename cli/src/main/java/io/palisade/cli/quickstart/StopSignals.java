package io.palisade.cli.quickstart;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a stop request instead of a JVM shutdown, while installed. A shutdown hook
 * would not do: the dev stack's servers kill their child JVMs from their own hooks, concurrently, so Kafka would die
 * before the collector flushed and the processor committed. With the signals handled, the quickstart stops its parts
 * in order and only then lets the JVM exit.
 */
public final class StopSignals implements AutoCloseable {

    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final CountDownLatch requested = new CountDownLatch(1);
    private final List<SignalHandler> previous;

    private StopSignals() {
        previous = SIGNALS.stream().map(name -> Signal.handle(new Signal(name), signal -> requested.countDown()))
                .toList();
    }

    /** Handles SIGINT and SIGTERM from now until {@link #close()}. */
    public static StopSignals install() {
        return new StopSignals();
    }

    /** Blocks until SIGINT or SIGTERM arrives. */
    public void await() throws InterruptedException {
        requested.await();
    }

    /** Gives the signals back to their previous handlers (the JVM's shutdown, normally). */
    @Override
    public void close() {
        for (int i = 0; i < SIGNALS.size(); i++) {
            Signal.handle(new Signal(SIGNALS.get(i)), previous.get(i));
        }
    }
}
