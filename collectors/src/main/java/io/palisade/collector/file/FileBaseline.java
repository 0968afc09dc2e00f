package io.palisade.collector.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the file source knows of every watched file, and how it is brought up to date: by a full scan, or path by
 * path as realtime notifications arrive. Each update returns the changes it found. Not thread-safe: the file
 * source's worker owns it.
 */
final class FileBaseline {

    private final WatchScope scope;
    private final TreeScanner scanner;
    private Map<Path, FileState> files;

    FileBaseline(WatchScope scope, TreeScanner scanner, Map<Path, FileState> known) {
        this.scope = scope;
        this.scanner = scanner;
        this.files = new HashMap<>(known);
    }

    /** The current baseline, for saving; a copy. */
    Map<Path, FileState> snapshot() {
        return Map.copyOf(files);
    }

    int size() {
        return files.size();
    }

    /**
     * Scans every watched tree again and returns what differs from the baseline. Entries the configuration no longer
     * covers (a root removed, a path newly excluded) are dropped without a change.
     */
    List<FileChange> rescan(Consumer<Path> onDirectory) throws InterruptedException {
        List<Path> roots = scope.roots();
        Map<Path, FileState> before = new HashMap<>(files);
        before.keySet().removeIf(path -> !scope.covers(roots, path));
        Map<Path, FileState> now = scanner.scan(roots, before, onDirectory);
        files = new HashMap<>(now);
        return FileChange.diff(before, now);
    }

    /**
     * Looks at one path a notification named: a file is inspected and hashed again; a new directory is scanned (its
     * files may have been created before it was watched); a path that is gone takes its subtree with it.
     */
    List<FileChange> refresh(Path path, Consumer<Path> onDirectory) throws InterruptedException {
        if (scope.excluded(path)) {
            return List.of();
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return refreshTree(path, onDirectory);
        }
        FileState before = files.get(path);
        Optional<FileState> after;
        try {
            // No hash reuse: a notification means the content may have changed within the timestamps' granularity.
            after = scanner.inspector().inspect(path, null);
        } catch (IOException e) {
            return List.of(); // unreadable for now; the next rescan looks again
        }
        if (after.isEmpty() && before == null) {
            return refreshTree(path, onDirectory); // a directory that was deleted, or a path never known
        }
        after.ifPresentOrElse(state -> files.put(path, state), () -> files.remove(path));
        return FileChange.between(path, before, after.orElse(null));
    }

    private List<FileChange> refreshTree(Path directory, Consumer<Path> onDirectory) throws InterruptedException {
        Map<Path, FileState> before = new HashMap<>();
        files.forEach((path, state) -> {
            if (path.startsWith(directory)) {
                before.put(path, state);
            }
        });
        Map<Path, FileState> now = Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)
                ? scanner.scan(List.of(directory), before, onDirectory) : Map.of();
        before.keySet().forEach(files::remove);
        files.putAll(now);
        return new ArrayList<>(FileChange.diff(before, now));
    }
}
