package io.palisade.collector.stats;

import java.util.Set;
import java.util.function.Predicate;

/**
 * Parsers of the {@code /proc} files the host totals and container networks come from. Pure: each takes the file's
 * text, so they are tested against copies of real files.
 */
public final class ProcParsers {

    /**
     * /proc/stat counts in USER_HZ ticks, which the kernel fixes at 100 a second on every architecture Docker runs
     * on (it is part of the user-space ABI, independent of the kernel's internal HZ).
     */
    static final long NANOS_PER_TICK = 10_000_000L;
    private static final long SECTOR_BYTES = 512;

    private ProcParsers() {
    }

    /**
     * Bytes received and sent from a {@code /proc/<pid>/net/dev} or {@code /proc/net/dev}, summed over the
     * interfaces {@code counted} accepts; {@code null} when it accepts none.
     */
    public static ByteCounts netDev(String text, Predicate<String> counted) {
        ByteCounts total = null;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || line.contains("|")) {
                continue; // the two header lines
            }
            String name = line.substring(0, colon).strip();
            if (!counted.test(name)) {
                continue;
            }
            // receive: bytes packets errs drop fifo frame compressed multicast; then transmit: bytes ...
            String[] fields = line.substring(colon + 1).strip().split("\\s+");
            ByteCounts counts = new ByteCounts(Long.parseLong(fields[0]), Long.parseLong(fields[8]));
            total = total == null ? counts : total.plus(counts);
        }
        return total;
    }

    /**
     * CPU time the host spent busy, in nanoseconds, from the aggregate {@code cpu} line of {@code /proc/stat}: every
     * column but idle and iowait (guest time is already inside user and nice).
     */
    public static long busyCpuNanos(String text) {
        for (String line : text.split("\n")) {
            if (line.startsWith("cpu ")) {
                String[] f = line.substring(4).strip().split("\\s+");
                long busy = 0;
                // user nice system idle iowait irq softirq steal [guest guest_nice]
                for (int i : new int[] {0, 1, 2, 5, 6, 7}) {
                    busy += i < f.length ? Long.parseLong(f[i]) : 0;
                }
                return busy * NANOS_PER_TICK;
            }
        }
        throw new IllegalArgumentException("no aggregate cpu line in /proc/stat");
    }

    /** Memory in use (MemTotal less MemAvailable) and MemTotal, in bytes, from {@code /proc/meminfo}. */
    public static HostMemory meminfo(String text) {
        Long total = null;
        Long available = null;
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length >= 2 && f[0].equals("MemTotal:")) {
                total = Long.parseLong(f[1]) * 1024;
            } else if (f.length >= 2 && f[0].equals("MemAvailable:")) {
                available = Long.parseLong(f[1]) * 1024;
            }
        }
        if (total == null || available == null) {
            throw new IllegalArgumentException("/proc/meminfo lacks MemTotal or MemAvailable");
        }
        return new HostMemory(total - available, total);
    }

    /**
     * Bytes read and written from {@code /proc/diskstats}, summed over the whole {@code disks} named (partitions,
     * device-mapper and loop devices would count the same bytes twice). Sectors there are always 512 bytes.
     */
    public static ByteCounts diskstats(String text, Set<String> disks) {
        long read = 0;
        long written = 0;
        for (String line : text.split("\n")) {
            // major minor name reads merged sectors-read ms-reading writes merged sectors-written ...
            String[] f = line.strip().split("\\s+");
            if (f.length >= 10 && disks.contains(f[2])) {
                read += Long.parseLong(f[5]) * SECTOR_BYTES;
                written += Long.parseLong(f[9]) * SECTOR_BYTES;
            }
        }
        return new ByteCounts(read, written);
    }

    /** Processes and threads on the host now: the total after the slash in {@code /proc/loadavg}. */
    public static long threads(String text) {
        String[] f = text.strip().split("\\s+");
        return Long.parseLong(f[3].substring(f[3].indexOf('/') + 1));
    }

    /**
     * @param usageBytes MemTotal less MemAvailable
     * @param totalBytes MemTotal
     */
    public record HostMemory(long usageBytes, long totalBytes) {
    }
}
