package io.palisade.collector.file;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.palisade.collector.Collector;
import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.EventSink;
import io.palisade.collector.LostEvents;
import io.palisade.runtime.Worker;
import io.palisade.schema.FileEvent;
import io.palisade.schema.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-integrity source: reports files created, modified, deleted or whose mode or owner changed under the
 * watched paths, to palisade.events.file keyed by host id, with SHA-256 before and after.
 *
 * <p>At start it scans and hashes every watched file (in parallel, paced by {@code hashRate}) and compares the
 * result with the baseline kept in {@code stateDir} ({@link StateFile}), so what changed while the collector was
 * down is reported; without a stored baseline the first scan only establishes one. Then inotify (through
 * {@link RealtimeWatch}) reports changes as they happen, and a full rescan every {@code rescanInterval}, or as soon
 * as the kernel's event queue overflows, catches what inotify missed (directories beyond the watch limit, events
 * lost in an overflow). The baseline is saved after every scan, a few seconds after realtime changes, and at close.
 *
 * <p>One worker thread does everything but hashing during scans, so changes to a file are reported in order.
 */
public final class FileIntegritySource implements Collector, MeterBinder {

    private static final Logger LOG = LoggerFactory.getLogger(FileIntegritySource.class);
    private static final Duration SAVE_DELAY = Duration.ofSeconds(5);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(30);

    private final CollectorIdentity identity;
    private final FileIntegritySettings settings;
    private final WatchScope scope;
    private final StateFile stateFile;
    private final FileEventFactory events;
    private final AtomicLong overflows = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final Worker worker = new Worker("file-source", JOIN_TIMEOUT);

    public FileIntegritySource(CollectorIdentity identity, FileIntegritySettings settings) {
        this.identity = identity;
        this.settings = settings;
        // The state directory is never watched, or saving the baseline would report itself.
        this.scope = new WatchScope(settings.paths(), Stream.concat(settings.exclude().stream(),
                Stream.of(settings.stateDir().toAbsolutePath().normalize().toString())).toList());
        this.stateFile = new StateFile(settings.stateDir());
        this.events = new FileEventFactory(identity, Clock.systemUTC());
    }

    @Override
    public String name() {
        return "file";
    }

    /** How often the kernel dropped notifications (inotify queue overflow), each answered by a rescan. */
    public long overflows() {
        return overflows.get();
    }

    /** {@code palisade_collector_events_lost_total{source="file",reason="inotify_overflow"}}. */
    @Override
    public void bindTo(MeterRegistry registry) {
        LostEvents.register(registry, name(), "inotify_overflow", overflows, AtomicLong::get);
    }

    /** How many file events were handed to the sink since start. */
    public long publishedEvents() {
        return published.get();
    }

    @Override
    public void start(EventSink sink) {
        worker.start(() -> run(sink));
    }

    @Override
    public void close() {
        worker.stop();
    }

    private void run(EventSink sink) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        try (RealtimeWatch watch = new RealtimeWatch();
             TreeScanner scanner = new TreeScanner(scope, settings.maxFileSize(), settings.hashRate(), threads)) {
            Map<Path, FileState> stored = loadStored();
            FileBaseline baseline = new FileBaseline(scope, scanner, stored == null ? Map.of() : stored);
            try {
                establish(sink, watch, baseline, stored != null);
            } catch (InterruptedException e) {
                return; // stopped before the first scan ended: the stored baseline stays as it was
            }
            try {
                follow(sink, watch, baseline);
            } catch (InterruptedException e) {
                // Stopping: the final save below follows (StateFile writes whatever the interrupt flag says).
            }
            save(baseline);
        } catch (IOException e) {
            LOG.atError().setMessage("File source stopped: cannot watch files").setCause(e).log();
        }
    }

    /** The first scan: reports what changed since the stored baseline, if there is one, and saves the new one. */
    private void establish(EventSink sink, RealtimeWatch watch, FileBaseline baseline, boolean hadStored)
            throws InterruptedException {
        Instant started = Instant.now();
        // Directories are watched as the scan reaches them, so a change made during the scan is not missed.
        List<FileChange> changes = baseline.rescan(watch::register);
        if (hadStored) {
            publish(sink, changes);
        }
        LOG.atInfo().setMessage(hadStored ? "File baseline compared with the stored one" : "File baseline established")
                .addKeyValue("files", baseline.size()).addKeyValue("changes", hadStored ? changes.size() : 0)
                .addKeyValue("watchedDirectories", watch.watched())
                .addKeyValue("took", Duration.between(started, Instant.now())).log();
        save(baseline);
    }

    /** Handles notifications until stopped, rescanning on schedule and after an overflow. */
    private void follow(EventSink sink, RealtimeWatch watch, FileBaseline baseline) throws InterruptedException {
        Instant nextRescan = Instant.now().plus(settings.rescanInterval());
        Instant saveDue = null;
        while (!worker.stopping()) {
            Instant wakeUp = saveDue != null && saveDue.isBefore(nextRescan) ? saveDue : nextRescan;
            RealtimeWatch.Batch batch = watch.poll(Duration.between(Instant.now(), wakeUp));
            boolean changed = false;
            for (Path path : batch.paths()) {
                List<FileChange> changes = baseline.refresh(path, watch::register);
                publish(sink, changes);
                changed |= !changes.isEmpty();
            }
            if (batch.overflow()) {
                LOG.atWarn().setMessage("inotify queue overflowed; rescanning")
                        .addKeyValue("overflows", overflows.incrementAndGet()).log();
                nextRescan = Instant.now();
            }
            if (!Instant.now().isBefore(nextRescan)) {
                List<FileChange> missed = baseline.rescan(watch::register);
                publish(sink, missed);
                LOG.atInfo().setMessage("File rescan done").addKeyValue("files", baseline.size())
                        .addKeyValue("changesMissedByInotify", missed.size()).log();
                save(baseline);
                saveDue = null;
                nextRescan = Instant.now().plus(settings.rescanInterval());
            } else if (changed && saveDue == null) {
                saveDue = Instant.now().plus(SAVE_DELAY);
            }
            if (saveDue != null && !Instant.now().isBefore(saveDue)) {
                save(baseline);
                saveDue = null;
            }
        }
    }

    private void publish(EventSink sink, List<FileChange> changes) {
        String key = identity.host().getId();
        for (FileChange change : changes) {
            FileEvent event = events.hostFile(change);
            sink.publish(Topics.FILE_EVENTS, key, event);
            published.incrementAndGet();
        }
    }

    /** The stored baseline, or {@code null} when there is none (first start, or unreadable: then logged). */
    private Map<Path, FileState> loadStored() {
        try {
            return stateFile.read().orElse(null);
        } catch (IOException e) {
            LOG.atWarn().setMessage("Stored file baseline unreadable; establishing a new one, so changes made while "
                            + "the collector was down are not reported this time")
                    .addKeyValue("stateFile", stateFile.path()).addKeyValue("error", e.toString()).log();
            return null;
        }
    }

    private void save(FileBaseline baseline) {
        try {
            stateFile.write(baseline.snapshot());
        } catch (IOException e) {
            LOG.atWarn().setMessage("Cannot save the file baseline; changes made while the collector is down may "
                            + "go unreported").addKeyValue("stateFile", stateFile.path())
                    .addKeyValue("error", e.toString()).log();
        }
    }
}
