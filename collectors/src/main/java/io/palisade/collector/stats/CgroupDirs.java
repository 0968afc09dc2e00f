package io.palisade.collector.stats;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a process's cgroups are in the file system: one directory per v1 controller and the v2 (unified) directory,
 * whichever exist. On a hybrid host, such as one whose Docker uses cgroup v1, both are present; a controller is read
 * from its v1 directory when it has one, since that is where the kernel accounts it.
 *
 * @param controllers directory of each v1 controller ({@code cpuacct}, {@code memory}, {@code pids}, {@code blkio})
 * @param unified     the v2 directory, or {@code null}
 */
public record CgroupDirs(Map<String, Path> controllers, Path unified) {

    /** Key of the v2 hierarchy in {@link CgroupParsers#processCgroups}. */
    public static final String UNIFIED = "";

    public CgroupDirs {
        controllers = Map.copyOf(controllers);
    }

    /**
     * Matches the cgroups of a process ({@link CgroupParsers#processCgroups}) with the mounted hierarchies
     * ({@link CgroupMount#parseMountInfo}); empty when none of them is visible here.
     */
    public static Optional<CgroupDirs> resolve(Map<String, String> processCgroups, List<CgroupMount> mounts) {
        Map<String, Path> controllers = new HashMap<>();
        Path unified = null;
        for (CgroupMount mount : mounts) {
            if (mount.unified()) {
                String path = processCgroups.get(UNIFIED);
                if (path != null && unified == null) {
                    unified = mount.directoryOf(path);
                }
                continue;
            }
            for (String controller : mount.controllers()) {
                String path = processCgroups.get(controller);
                Path directory = path == null ? null : mount.directoryOf(path);
                if (directory != null) {
                    controllers.putIfAbsent(controller, directory);
                }
            }
        }
        return controllers.isEmpty() && unified == null ? Optional.empty()
                : Optional.of(new CgroupDirs(controllers, unified));
    }

    /** The directory of v1 controller {@code name}, if this process has it mounted. */
    public Optional<Path> controller(String name) {
        return Optional.ofNullable(controllers.get(name));
    }
}
