package io.palisade.collector.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a container's resource use straight from cgroupfs (v1, v2 or hybrid) and its network counters from its
 * network namespace ({@code /proc/<pid>/net/dev}), the way cAdvisor does: no engine round trip per container and per
 * interval, and the kernel's own counters.
 */
final class CgroupSampler {

    private final Path proc;

    /** @param proc where procfs is mounted, {@code /proc} on the host */
    CgroupSampler(Path proc) {
        this.proc = proc;
    }

    /** The cgroup directories of process {@code pid} (a container's init process); empty if none is visible. */
    Optional<CgroupDirs> locate(long pid) throws IOException {
        Map<String, String> cgroups = CgroupParsers.processCgroups(Files.readString(proc.resolve(pid + "/cgroup")));
        return CgroupDirs.resolve(cgroups, CgroupMount.parseMountInfo(
                Files.readString(proc.resolve("self/mountinfo"))));
    }

    /**
     * One reading of the container whose cgroups are {@code dirs} and whose init process is {@code pid}.
     *
     * @throws IOException when CPU or memory cannot be read, e.g. the container has just stopped
     */
    ResourceSample sample(CgroupDirs dirs, long pid) throws IOException {
        long cpuNanos = cpuNanos(dirs);
        return new ResourceSample(cpuNanos, System.nanoTime(), memoryUsage(dirs), memoryLimit(dirs), network(pid), block(dirs),
                pids(dirs));
    }

    private static long cpuNanos(CgroupDirs dirs) throws IOException {
        Optional<Path> cpuacct = dirs.controller("cpuacct");
        if (cpuacct.isPresent()) {
            return CgroupParsers.singleValue(Files.readString(cpuacct.get().resolve("cpuacct.usage")));
        }
        Long usageMicros = CgroupParsers.flatKeyed(Files.readString(unified(dirs).resolve("cpu.stat")))
                .get("usage_usec");
        if (usageMicros == null) {
            throw new IOException("no usage_usec in " + unified(dirs).resolve("cpu.stat"));
        }
        return usageMicros * 1000;
    }

    private static long memoryUsage(CgroupDirs dirs) throws IOException {
        Optional<Path> v1 = dirs.controller("memory");
        Path dir = v1.orElseGet(() -> unified(dirs));
        return CgroupParsers.memoryInUse(
                Files.readString(dir.resolve(v1.isPresent() ? "memory.usage_in_bytes" : "memory.current")),
                Files.readString(dir.resolve("memory.stat")), v1.isPresent());
    }

    private static Long memoryLimit(CgroupDirs dirs) throws IOException {
        Optional<Path> v1 = dirs.controller("memory");
        return CgroupParsers.memoryLimit(Files.readString(v1.isPresent()
                ? v1.get().resolve("memory.limit_in_bytes") : unified(dirs).resolve("memory.max")));
    }

    private static ByteCounts block(CgroupDirs dirs) throws IOException {
        Optional<Path> v1 = dirs.controller("blkio");
        if (v1.isPresent()) {
            return CgroupParsers.blkioV1(Files.readString(v1.get().resolve(
                    "blkio.throttle.io_service_bytes_recursive")));
        }
        return readIfPresent(dirs.unified(), "io.stat") instanceof String text ? CgroupParsers.ioStatV2(text) : null;
    }

    private static Long pids(CgroupDirs dirs) throws IOException {
        Path dir = dirs.controller("pids").orElse(dirs.unified());
        return readIfPresent(dir, "pids.current") instanceof String text ? CgroupParsers.singleValue(text) : null;
    }

    /** Bytes of the container's own network namespace; null when it shares the host's or has only loopback. */
    private ByteCounts network(long pid) throws IOException {
        Path namespace = proc.resolve(pid + "/ns/net");
        if (Files.readSymbolicLink(namespace).equals(Files.readSymbolicLink(proc.resolve("self/ns/net")))) {
            return null;
        }
        return ProcParsers.netDev(Files.readString(proc.resolve(pid + "/net/dev")), name -> !name.equals("lo"));
    }

    private static Path unified(CgroupDirs dirs) {
        if (dirs.unified() == null) {
            throw new IllegalStateException("no cgroup v2 directory and no v1 controller: " + dirs);
        }
        return dirs.unified();
    }

    /** The file's text, or null when the directory or the file does not exist (the controller is not enabled). */
    private static String readIfPresent(Path dir, String file) throws IOException {
        if (dir == null) {
            return null;
        }
        try {
            return Files.readString(dir.resolve(file));
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
