package io.palisade.collector.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A mounted cgroup hierarchy, from {@code /proc/self/mountinfo}.
 *
 * @param root        the cgroup path the mount shows as its top ("/" unless a cgroup namespace or bind mount narrows
 *                    it)
 * @param mountPoint  where it is mounted, e.g. {@code /sys/fs/cgroup/memory}
 * @param unified     whether it is the v2 hierarchy
 * @param controllers the v1 controllers bound to it ({@code cpuacct}, {@code memory}, ...); empty for v2
 */
public record CgroupMount(String root, Path mountPoint, boolean unified, Set<String> controllers) {

    /** Mounts of type cgroup and cgroup2 in a mountinfo file; the others are left out. */
    public static List<CgroupMount> parseMountInfo(String text) {
        List<CgroupMount> mounts = new ArrayList<>();
        for (String line : text.split("\n")) {
            // id parent major:minor root mount-point options [optional fields...] - type source super-options
            int separator = line.indexOf(" - ");
            if (separator < 0) {
                continue;
            }
            String[] before = line.substring(0, separator).split(" ");
            String[] after = line.substring(separator + 3).split(" ");
            if (before.length < 5 || after.length < 3) {
                continue;
            }
            String root = unescape(before[3]);
            Path mountPoint = Path.of(unescape(before[4]));
            switch (after[0]) {
                case "cgroup2" -> mounts.add(new CgroupMount(root, mountPoint, true, Set.of()));
                case "cgroup" -> mounts.add(new CgroupMount(root, mountPoint, false,
                        Set.of(after[2].split(","))));
                default -> {
                    // not a cgroup hierarchy
                }
            }
        }
        return mounts;
    }

    /**
     * The directory of cgroup {@code path} in this mount, or {@code null} when the mount does not show it (its root
     * is elsewhere in the hierarchy).
     */
    Path directoryOf(String path) {
        if (root.equals("/")) {
            return mountPoint.resolve(path.substring(1));
        }
        if (path.equals(root)) {
            return mountPoint;
        }
        return path.startsWith(root + "/") ? mountPoint.resolve(path.substring(root.length() + 1)) : null;
    }

    /** mountinfo writes space, tab, newline and backslash in paths as octal escapes. */
    private static String unescape(String field) {
        return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
