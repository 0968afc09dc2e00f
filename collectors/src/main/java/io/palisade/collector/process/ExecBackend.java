package io.palisade.collector.process;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * One way of learning that a process executed a program. {@link ProcessSource} tries the back ends in a fixed order
 * (netlink proc connector, then /proc polling) and runs the first that opens.
 */
interface ExecBackend extends AutoCloseable {

    /** Short name for logs and the benchmark: {@code "netlink"} or {@code "proc"}. */
    String name();

    /**
     * Reports every exec to {@code listener}, on the calling thread, and tells it each time it has caught up with
     * what was pending, until {@code stopped} says so, which it checks at least every few hundred milliseconds.
     *
     * @throws IOException when the back end failed and should be opened again
     */
    void observe(ExecListener listener, BooleanSupplier stopped) throws IOException;

    /** Execs this back end knows it missed (e.g. a kernel buffer overrun); 0 when it cannot tell. */
    long missed();

    /** Releases the back end's resources; called by the thread that observed, once {@link #observe} returned. */
    @Override
    void close();
}
