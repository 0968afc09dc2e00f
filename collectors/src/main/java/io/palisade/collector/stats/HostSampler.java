package io.palisade.collector.stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the host's totals from procfs and sysfs: CPU from /proc/stat, memory from /proc/meminfo, network from
 * /proc/net/dev (physical interfaces only: loopback, bridges and veth pairs would count container traffic again),
 * block I/O from /proc/diskstats (whole physical disks only), processes and threads from /proc/loadavg.
 */
final class HostSampler {

    private final Path proc;
    private final Path sys;

    /**
     * @param proc where procfs is mounted, {@code /proc}
     * @param sys  where sysfs is mounted, {@code /sys}
     */
    HostSampler(Path proc, Path sys) {
        this.proc = proc;
        this.sys = sys;
    }

    ResourceSample sample() throws IOException {
        ProcParsers.HostMemory memory = ProcParsers.meminfo(Files.readString(proc.resolve("meminfo")));
        Set<String> virtualInterfaces = virtualInterfaces();
        ProcParsers.HostCpu cpu = ProcParsers.hostCpu(Files.readString(proc.resolve("stat")));
        return new ResourceSample(cpu.busyNanos(), cpu.elapsedNanos(), memory.usageBytes(), memory.totalBytes(),
                ProcParsers.netDev(Files.readString(proc.resolve("net/dev")),
                        name -> !virtualInterfaces.contains(name)),
                ProcParsers.diskstats(Files.readString(proc.resolve("diskstats")), physicalDisks()),
                ProcParsers.threads(Files.readString(proc.resolve("loadavg"))));
    }

    /** Interfaces the kernel created itself (lo, docker0, veth*, bridges ...); just "lo" if sysfs is not readable. */
    private Set<String> virtualInterfaces() {
        Set<String> names = new HashSet<>(Set.of("lo"));
        try (Stream<Path> entries = Files.list(sys.resolve("devices/virtual/net"))) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        } catch (IOException e) {
            // without sysfs every interface but loopback counts
        }
        return names;
    }

    /** Whole disks backed by a device (not loop, zram, device-mapper or md, whose bytes a real disk counts too). */
    private Set<String> physicalDisks() throws IOException {
        Set<String> disks = new HashSet<>();
        try (Stream<Path> entries = Files.list(sys.resolve("block"))) {
            for (Path entry : entries.toList()) {
                if (!entry.toRealPath().toString().contains("/devices/virtual/")) {
                    disks.add(entry.getFileName().toString());
                }
            }
        }
        return disks;
    }
}
