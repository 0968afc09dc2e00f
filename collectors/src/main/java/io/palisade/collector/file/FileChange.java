package io.palisade.collector.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * What happened to {@code path} between the two states: nothing, a creation, a deletion, or a content change and
     * an attribute change, each reported when made. A change to both, made within one notification batch, yields both:
     * a setuid bit set together with a write must still read as an attribute change to the rules that look for one.
     */
    public static List<FileChange> between(Path path, FileState before, FileState after) {
        if (before == null && after == null) {
            return List.of();
        }
        if (before == null) {
            return List.of(new FileChange(path, FileAction.CREATED, null, after));
        }
        if (after == null) {
            return List.of(new FileChange(path, FileAction.DELETED, before, null));
        }
        List<FileChange> changes = new ArrayList<>(2);
        if (after.contentDiffers(before)) {
            changes.add(new FileChange(path, FileAction.MODIFIED, before, after));
        }
        if (after.attributesDiffer(before)) {
            changes.add(new FileChange(path, FileAction.ATTRIBUTES_CHANGED, before, after));
        }
        return changes;
    }

    /** Every change from {@code before} to {@code after}, in path order. */
    public static List<FileChange> diff(Map<Path, FileState> before, Map<Path, FileState> after) {
        TreeSet<Path> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<FileChange> changes = new ArrayList<>();
        for (Path path : paths) {
            changes.addAll(between(path, before.get(path), after.get(path)));
        }
        return changes;
    }
}
