package io.palisade.collector.file;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Realtime notification of changes in watched directories, through Java's {@link WatchService}, which is inotify on
 * Linux. Two limits of that service shape this class: it watches one directory, not a tree, so every directory is
 * registered on its own (the file source registers new ones as they appear); and it reports inotify's IN_ATTRIB as
 * ENTRY_MODIFY, so a chmod only says "this path changed" and the caller compares mode and owner itself.
 *
 * <p>Changes arriving close together are coalesced into one {@link Batch}, so a file created then written is
 * inspected once. When the kernel's queue overflows, or a directory cannot be watched (inotify's watch limit), the
 * batch says so and the caller rescans.
 */
final class RealtimeWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RealtimeWatch.class);
    private static final Duration COALESCE = Duration.ofMillis(100);

    private final WatchService service;
    private final Map<WatchKey, Path> directories = new ConcurrentHashMap<>();
    private volatile boolean limitLogged;

    /** The changed paths seen together; {@code overflow} when some changes were lost and a rescan is due. */
    record Batch(Set<Path> paths, boolean overflow) {
    }

    RealtimeWatch() throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
    }

    /** Watches {@code directory}; false when it cannot be watched (gone, or the watch limit reached). */
    boolean register(Path directory) {
        try {
            WatchKey key = directory.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            directories.put(key, directory);
            return true;
        } catch (IOException e) {
            if (!limitLogged && e.getMessage() != null && e.getMessage().contains("limit")) {
                limitLogged = true;
                LOG.atWarn().setMessage("inotify watch limit reached; changes in unwatched directories are seen "
                                + "only at the next rescan (raise fs.inotify.max_user_watches)")
                        .addKeyValue("watchedDirectories", directories.size()).log();
            }
            return false;
        } catch (ClosedWatchServiceException e) {
            return false;
        }
    }

    /** How many directories are watched. */
    int watched() {
        return directories.size();
    }

    /**
     * Waits up to {@code timeout} for changes, then gathers those that follow within a short moment; an empty batch
     * when nothing changed.
     */
    Batch poll(Duration timeout) throws InterruptedException {
        Set<Path> paths = new LinkedHashSet<>();
        boolean overflow = false;
        WatchKey key = service.poll(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
        long coalesceUntil = System.nanoTime() + COALESCE.toNanos();
        while (key != null) {
            Path directory = directories.get(key);
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    overflow = true;
                } else if (directory != null) {
                    paths.add(directory.resolve((Path) event.context()));
                }
            }
            if (!key.reset()) {
                directories.remove(key); // the directory is gone; its deletion is among the paths of its parent
            }
            long left = coalesceUntil - System.nanoTime();
            // Past the moment the batch ends even under a flood; keys still queued start the next one.
            key = left > 0 ? service.poll(left, TimeUnit.NANOSECONDS) : null;
        }
        return new Batch(paths, overflow);
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.atDebug().setMessage("Closing the watch service failed").setCause(e).log();
        }
    }
}
