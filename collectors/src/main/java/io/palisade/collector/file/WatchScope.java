package io.palisade.collector.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which paths are watched: the configured roots, whose components may be globs ({@code /home/*}{@code /.ssh}),
 * minus the exclude globs.
 *
 * <p>Root globs are expanded against the file system each time {@link #roots()} is called, so a user's
 * {@code .ssh} created later is picked up by the next rescan. Within a root component, {@code *}, {@code ?},
 * {@code [..]} and {@code {a,b}} match one path component. Exclude globs match whole absolute paths with the
 * {@link java.nio.file.FileSystem#getPathMatcher glob syntax of Java} ({@code **} crosses directories); a path is
 * excluded when it or one of its ancestors matches, so excluding a directory excludes its tree.
 */
public final class WatchScope {

    private static final Pattern GLOB_CHARS = Pattern.compile("[*?\\[{]");

    private final List<String> includes;
    private final List<PathMatcher> excludes;

    public WatchScope(List<String> includes, List<String> excludes) {
        this.includes = List.copyOf(includes);
        this.excludes = excludes.stream().map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
    }

    /**
     * The existing, not excluded paths the include patterns name now, links resolved, without those inside another
     * root, so no tree is scanned twice.
     */
    public List<Path> roots() {
        TreeSet<Path> expanded = new TreeSet<>();
        for (String include : includes) {
            expand(Path.of(include).normalize(), expanded);
        }
        List<Path> roots = new ArrayList<>();
        for (Path candidate : expanded) {
            if (!excluded(candidate) && roots.stream().noneMatch(candidate::startsWith)) {
                roots.add(candidate);
            }
        }
        return roots;
    }

    /** Whether {@code path} or one of its ancestors matches an exclude glob. */
    public boolean excluded(Path path) {
        for (Path p = path; p != null; p = p.getParent()) {
            for (PathMatcher exclude : excludes) {
                if (exclude.matches(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code path} is watched: it lies in one of {@code roots} (as {@link #roots()} returned them) or under
     * what an include pattern names, even a root that is gone now, and it is not excluded.
     */
    public boolean covers(List<Path> roots, Path path) {
        if (excluded(path)) {
            return false;
        }
        return roots.stream().anyMatch(path::startsWith)
                || includes.stream().anyMatch(include -> underPattern(Path.of(include).normalize(), path));
    }

    private static boolean underPattern(Path pattern, Path path) {
        if (path.getNameCount() < pattern.getNameCount()) {
            return false;
        }
        for (int i = 0; i < pattern.getNameCount(); i++) {
            PathMatcher component = FileSystems.getDefault().getPathMatcher("glob:" + pattern.getName(i));
            if (!component.matches(path.getName(i))) {
                return false;
            }
        }
        return true;
    }

    private static void expand(Path pattern, TreeSet<Path> into) {
        List<Path> current = List.of(pattern.getRoot());
        for (Path component : pattern) {
            String name = component.toString();
            List<Path> next = new ArrayList<>();
            for (Path parent : current) {
                if (GLOB_CHARS.matcher(name).find()) {
                    next.addAll(matchingChildren(parent, name));
                } else {
                    next.add(parent.resolve(name));
                }
            }
            current = next;
        }
        for (Path root : current) {
            try {
                // A root that is a link (/bin on a merged-/usr system) is watched where it points, once.
                into.add(root.toRealPath());
            } catch (IOException e) {
                // Absent for now; the next rescan looks again.
            }
        }
    }

    private static List<Path> matchingChildren(Path parent, String glob) {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent, glob)) {
            stream.forEach(children::add);
        } catch (IOException e) {
            // A parent that does not exist or cannot be read names no root; the next rescan tries again.
        }
        return children;
    }
}
