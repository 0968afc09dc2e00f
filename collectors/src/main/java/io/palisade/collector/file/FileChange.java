package io.palisade.collector.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.palisade.schema.FileAction;

/**
 * One difference between what was known of a path and what is there now.
 *
 * @param before the state last known, {@code null} for a created file
 * @param after  the state now, {@code null} for a deleted file
 */
public record FileChange(Path path, FileAction action, FileState before, FileState after) {

    /**
     * What happened to {@code path} between the two states, if anything: a content change wins over an attribute
     * change made at the same time, as the event carries the new attributes anyway.
     */
    public static Optional<FileChange> between(Path path, FileState before, FileState after) {
        if (before == null && after == null) {
            return Optional.empty();
        }
        if (before == null) {
            return Optional.of(new FileChange(path, FileAction.CREATED, null, after));
        }
        if (after == null) {
            return Optional.of(new FileChange(path, FileAction.DELETED, before, null));
        }
        if (after.contentDiffers(before)) {
            return Optional.of(new FileChange(path, FileAction.MODIFIED, before, after));
        }
        if (after.attributesDiffer(before)) {
            return Optional.of(new FileChange(path, FileAction.ATTRIBUTES_CHANGED, before, after));
        }
        return Optional.empty();
    }

    /** Every change from {@code before} to {@code after}, in path order. */
    public static List<FileChange> diff(Map<Path, FileState> before, Map<Path, FileState> after) {
        TreeSet<Path> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<FileChange> changes = new ArrayList<>();
        for (Path path : paths) {
            between(path, before.get(path), after.get(path)).ifPresent(changes::add);
        }
        return changes;
    }
}
