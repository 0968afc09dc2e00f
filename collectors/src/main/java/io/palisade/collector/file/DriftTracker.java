package io.palisade.collector.file;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.palisade.schema.FileAction;

/**
 * Turns successive answers of the engine's {@code /containers/{id}/changes} into drift: the paths whose change kind
 * is new since the last answer for that container. Pure; not thread-safe (the drift source's worker owns it).
 *
 * <p>The engine answers with every path that differs from the image: kind 0 changed, 1 added, 2 deleted. Directories
 * are among them, as "changed" whenever something inside them is; a changed path with another path of the same
 * answer below it is such a directory and is left out, as the file inside is the news. A path that was added and is
 * absent from a later answer was deleted again. The engine says nothing of a second write to a file it already lists,
 * so such writes are not seen.
 */
public final class DriftTracker {

    private static final int CHANGED = 0;
    private static final int ADDED = 1;
    private static final int DELETED = 2;

    /** One drift: {@code path} inside the container's file system. */
    public record Drift(String path, FileAction action) {
    }

    private final Map<String, Map<String, Integer>> lastSeen = new HashMap<>();

    /**
     * The drift in {@code changes} (path to kind) since the previous answer for {@code containerId}; with
     * {@code silent} the answer is only remembered, for a container whose changes predate the collector.
     */
    public List<Drift> update(String containerId, Map<String, Integer> changes, boolean silent) {
        Map<String, Integer> current = withoutParentDirectories(changes);
        Map<String, Integer> previous = lastSeen.put(containerId, current);
        if (silent) {
            return List.of();
        }
        Map<String, Integer> before = previous == null ? Map.of() : previous;
        List<Drift> drift = new ArrayList<>();
        current.forEach((path, kind) -> {
            if (!kind.equals(before.get(path))) {
                drift.add(new Drift(path, actionOf(kind)));
            }
        });
        before.forEach((path, kind) -> {
            if (kind == ADDED && !current.containsKey(path)) {
                drift.add(new Drift(path, FileAction.DELETED));
            }
        });
        return drift;
    }

    /** Whether {@code containerId} has been seen, i.e. has a remembered answer. */
    public boolean knows(String containerId) {
        return lastSeen.containsKey(containerId);
    }

    /** Forgets containers no longer running. */
    public void retain(Set<String> running) {
        lastSeen.keySet().retainAll(running);
    }

    private static Map<String, Integer> withoutParentDirectories(Map<String, Integer> changes) {
        TreeMap<String, Integer> sorted = new TreeMap<>(changes);
        Map<String, Integer> kept = new TreeMap<>();
        sorted.forEach((path, kind) -> {
            String higher = sorted.higherKey(path + "/");
            boolean hasChild = higher != null && higher.startsWith(path + "/");
            if (!(kind == CHANGED && hasChild)) {
                kept.put(path, kind);
            }
        });
        return kept;
    }

    private static FileAction actionOf(int kind) {
        return switch (kind) {
            case ADDED -> FileAction.CREATED;
            case DELETED -> FileAction.DELETED;
            default -> FileAction.MODIFIED;
        };
    }
}
