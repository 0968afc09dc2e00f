package io.palisade.collector.process;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiConsumer;

/**
 * Reads /proc for each exec a back end reports, in two passes. In a burst, a process often ends (taking its argument
 * vector with it) while the one before it is still being read in full; so each exec gets its {@link ProcFs#firstRead
 * first read} the moment it is reported, and the rest of its reads one exec at a time whenever no new exec waits
 * (the back end looks between two), or all at once when {@link #MAX_PENDING} execs wait, which bounds the delay in
 * an endless storm. Used by the observing thread only.
 */
final class ExecReader implements ExecListener {

    /** Execs first-read and waiting for the rest; past this many, the rest is read before the next first read. */
    static final int MAX_PENDING = 64;

    private final ProcFs proc;
    private final Clock clock;
    private final BiConsumer<ProcessSnapshot, Instant> readExecs;
    private final Deque<Pending> pending = new ArrayDeque<>();

    /** @param readExecs receives each exec read in full (as far as the process still existed) and when it was seen */
    ExecReader(ProcFs proc, Clock clock, BiConsumer<ProcessSnapshot, Instant> readExecs) {
        this.proc = proc;
        this.clock = clock;
        this.readExecs = readExecs;
    }

    @Override
    public void exec(ExecNotice notice) {
        Instant seen = clock.instant();
        pending.add(new Pending(notice, proc.firstRead(notice.pid()), seen));
        if (pending.size() >= MAX_PENDING) {
            caughtUp();
        }
    }

    /** Completes every pending exec, in the order seen; also called when a back end stops, so none is left behind. */
    @Override
    public void caughtUp() {
        while (completeOne()) {
            // the oldest first, until none is left
        }
    }

    @Override
    public boolean completeOne() {
        Pending exec = pending.pollFirst();
        if (exec != null) {
            readExecs.accept(proc.complete(exec.first(), exec.notice().parentPid()), exec.seen());
        }
        return !pending.isEmpty();
    }

    private record Pending(ExecNotice notice, ProcFs.FirstRead first, Instant seen) {
    }
}
