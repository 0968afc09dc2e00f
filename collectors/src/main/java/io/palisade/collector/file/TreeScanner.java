package io.palisade.collector.file;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks watched trees and inspects every file in them on a pool of threads, hashing while the walk goes on. Links
 * are recorded, never followed; excluded paths are skipped with their subtrees.
 */
public final class TreeScanner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TreeScanner.class);

    private final WatchScope scope;
    private final FileInspector inspector;
    private final ExecutorService pool;

    /**
     * @param maxFileSize larger files get no hash
     * @param hashRate    most files hashed per second over all threads
     * @param threads     hashing threads
     */
    public TreeScanner(WatchScope scope, long maxFileSize, int hashRate, int threads) {
        this.scope = scope;
        this.inspector = new FileInspector(maxFileSize, new HashRate(hashRate));
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("palisade-file-hash-", 0)
                .daemon().factory());
    }

    /** The inspector scans use, for single files seen changing. */
    FileInspector inspector() {
        return inspector;
    }

    /**
     * Every file under {@code roots} now. A file whose inode, size, mtime and ctime match its entry in
     * {@code previous} keeps its hash without being read again.
     *
     * @param onDirectory told of every directory before its files are inspected, to watch it
     */
    public Map<Path, FileState> scan(List<Path> roots, Map<Path, FileState> previous, Consumer<Path> onDirectory)
            throws InterruptedException {
        Map<Path, FileState> found = new ConcurrentHashMap<>();
        List<Future<?>> pending = new ArrayList<>();
        for (Path root : roots) {
            walk(root, onDirectory, file -> pending.add(pool.submit(() -> {
                inspect(file, previous.get(file)).ifPresent(state -> found.put(file, state));
                return null;
            })));
        }
        for (Future<?> task : pending) {
            try {
                task.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("inspecting a file failed unexpectedly", e.getCause());
            }
        }
        return found;
    }

    private Optional<FileState> inspect(Path file, FileState previous) {
        try {
            return inspector.inspect(file, previous);
        } catch (IOException e) {
            LOG.atDebug().setMessage("Cannot inspect a watched file").addKeyValue("path", file)
                    .addKeyValue("error", e.toString()).log();
            return Optional.empty();
        }
    }

    private void walk(Path root, Consumer<Path> onDirectory, Consumer<Path> onFile) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (scope.excluded(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    onDirectory.accept(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if ((attrs.isRegularFile() || attrs.isSymbolicLink()) && !scope.excluded(file)) {
                        onFile.accept(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException error) {
                    if (!(error instanceof NoSuchFileException)) {
                        LOG.atDebug().setMessage("Cannot read a watched path").addKeyValue("path", file)
                                .addKeyValue("error", error.toString()).log();
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.atWarn().setMessage("Cannot walk a watched tree").addKeyValue("root", root)
                    .addKeyValue("error", e.toString()).log();
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
