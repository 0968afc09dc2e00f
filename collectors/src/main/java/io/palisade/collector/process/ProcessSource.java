package io.palisade.collector.process;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.palisade.collector.Collector;
import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.EventSink;
import io.palisade.collector.LostEvents;
import io.palisade.runtime.Backoff;
import io.palisade.runtime.Retries;
import io.palisade.runtime.Worker;
import io.palisade.schema.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process source: reports every exec on the host, in containers too, as an EXEC event on palisade.events.process,
 * keyed by the container id for a process in a container, else by the host id.
 *
 * <p>Two threads: the observer receives execs from the {@link ExecBackend} and reads /proc/&lt;pid&gt; at once, as a
 * short-lived process takes its details with it when it ends (its arguments first, see {@link ExecReader}); the
 * publisher maps and hands events to the sink, whose
 * send may wait for Kafka without delaying the next /proc read. A process gone before it could be read is still
 * reported with what the back end gave (pid, parent) and counted in {@link #partialReads()}.
 */
public final class ProcessSource implements Collector, MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessSource.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PUBLISHER_POLL = Duration.ofMillis(200);
    /** About a minute of a busy build host's execs, while Kafka is slow; beyond it events are dropped and counted. */
    private static final int QUEUE_CAPACITY = 65_536;
    /** Enough calls for the JIT's optimizing tier; about a second of CPU at start. */
    private static final int WARM_UP_READS = 5_000;

    private final ProcessSettings settings;
    private final CollectorIdentity identity;
    private final ProcessEventFactory events;
    private final ProcFs proc = ProcFs.host();
    private final Clock clock = Clock.systemUTC();
    private final Retries backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)).retries();
    private final Handoff<Observed> observed = new Handoff<>(QUEUE_CAPACITY);
    private final AtomicLong partialReads = new AtomicLong();
    private final AtomicLong droppedEvents = new AtomicLong();
    private final AtomicLong missedBefore = new AtomicLong();
    private volatile ExecBackend backend;
    private final Worker worker = new Worker("process-source", JOIN_TIMEOUT);

    public ProcessSource(CollectorIdentity identity, ProcessSettings settings) {
        this.identity = identity;
        this.settings = settings;
        this.events = new ProcessEventFactory(identity, UserNames.host());
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public void start(EventSink sink) {
        worker.start("process-publisher", () -> publish(sink));
        worker.start("process-observer", this::observe);
    }

    /** The back end observing now ({@code "netlink"} or {@code "proc"}), empty while none is open. */
    public Optional<String> backend() {
        ExecBackend current = backend;
        return current == null ? Optional.empty() : Optional.of(current.name());
    }

    /** Execs reported without some of their details because the process ended before /proc could be read. */
    public long partialReads() {
        return partialReads.get();
    }

    /**
     * Execs lost: dropped because the sink fell too far behind, plus kernel buffer overruns of the netlink back end
     * (each of which lost at least one exec).
     */
    public long lostEvents() {
        return droppedEvents.get() + missedByBackends();
    }

    /** Execs the back ends know they missed (netlink receive buffer overruns), the one open now included. */
    private long missedByBackends() {
        ExecBackend current = backend;
        return missedBefore.get() + (current == null ? 0 : current.missed());
    }

    /** {@code palisade_collector_events_lost_total{source="process"}}: execs lost, by where they were lost. */
    @Override
    public void bindTo(MeterRegistry registry) {
        LostEvents.register(registry, name(), "queue_full", droppedEvents, AtomicLong::get);
        LostEvents.register(registry, name(), "kernel_overrun", this, ProcessSource::missedByBackends);
    }

    @Override
    public void close() {
        worker.stop();
        LOG.atInfo().setMessage("Process source stopped").addKeyValue("partialReads", partialReads.get())
                .addKeyValue("lostEvents", lostEvents()).log();
    }

    private void observe() {
        warmUp();
        ExecReader reader = new ExecReader(proc, clock, this::enqueue);
        while (!worker.stopping()) {
            try (ExecBackend opened = BackendChoice.open(settings)) {
                backend = opened;
                backoff.reset();
                opened.observe(reader, worker::stopping);
            } catch (IOException | RuntimeException e) {
                // A bug or a surprise from the kernel must not end observing for good: reopen, as for I/O errors.
                if (!worker.stopping() && !retryLater(e)) {
                    return;
                }
            } finally {
                reader.caughtUp();
                ExecBackend ended = backend;
                if (ended != null) {
                    missedBefore.addAndGet(ended.missed());
                    backend = null;
                }
            }
        }
    }

    /**
     * Runs the /proc read path on this process until the JIT has compiled it: interpreted, a read takes several times
     * longer, and the first execs after start would more often find their process gone.
     */
    private void warmUp() {
        long self = ProcessHandle.current().pid();
        for (int i = 0; i < WARM_UP_READS && !worker.stopping(); i++) {
            proc.read(self, OptionalLong.empty());
        }
    }

    private void enqueue(ProcessSnapshot snapshot, Instant seen) {
        if (!snapshot.complete()) {
            partialReads.incrementAndGet();
            LOG.atDebug().setMessage("Process ended before it could be read in full").addKeyValue("pid", snapshot.pid())
                    .log();
        }
        if (!observed.offer(new Observed(snapshot, seen))) {
            long dropped = droppedEvents.incrementAndGet();
            if (Long.bitCount(dropped) == 1) { // 1, 2, 4, 8 ...: a trace of a lasting backlog, not a log flood
                LOG.atWarn().setMessage("Process events dropped: the sink is not keeping up")
                        .addKeyValue("droppedSoFar", dropped).log();
            }
        }
    }

    private void publish(EventSink sink) {
        // After stop, what was already observed is still handed over, within the close timeout.
        while (!worker.stopping() || !observed.isEmpty()) {
            Observed next = observed.poll(PUBLISHER_POLL);
            if (next != null) {
                String key = next.snapshot().containerId() != null ? next.snapshot().containerId()
                        : identity.host().getId();
                sink.publish(Topics.PROCESS_EVENTS, key, events.exec(next.snapshot(), next.seen()));
            }
        }
    }

    /** Logs the failure and sleeps the backoff delay; false when interrupted, i.e. stopping. */
    private boolean retryLater(Exception error) {
        Duration delay = backoff.next();
        LOG.atWarn().setMessage("Process back end unavailable; retrying").addKeyValue("backend", settings.backend())
                .addKeyValue("attempt", backoff.attempts()).addKeyValue("retryIn", delay)
                .addKeyValue("error", error.toString()).log();
        return worker.pause(delay);
    }

    private record Observed(ProcessSnapshot snapshot, Instant seen) {
    }
}
