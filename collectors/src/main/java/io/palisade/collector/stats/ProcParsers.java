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
     * The host's CPU time from {@code /proc/stat}. Busy is every column of the aggregate {@code cpu} line but idle and
     * iowait (guest time is already inside user and nice); elapsed is all of its columns but guest, divided by the
     * number of CPUs ({@code cpuN} lines), i.e. the time that passed as the kernel counts it.
     */
    public static HostCpu hostCpu(String text) {
        long busy = -1;
        long all = 0;
        int cpus = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith("cpu ")) {
                // user nice system idle iowait irq softirq steal [guest guest_nice]
                String[] f = line.substring(4).strip().split("\\s+");
                busy = 0;
                for (int i = 0; i < Math.min(f.length, 8); i++) {
                    long ticks = Long.parseLong(f[i]);
                    all += ticks;
                    busy += i == 3 || i == 4 ? 0 : ticks;
                }
            } else if (line.startsWith("cpu")) {
                cpus++;
            }
        }
        if (busy < 0 || cpus == 0) {
            throw new IllegalArgumentException("no aggregate and per-CPU lines in /proc/stat");
        }
        return new HostCpu(busy * NANOS_PER_TICK, all * NANOS_PER_TICK / cpus);
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
     * @param busyNanos    CPU time spent busy, summed over the CPUs
     * @param elapsedNanos time elapsed since boot per CPU, as the kernel counts it
     */
    public record HostCpu(long busyNanos, long elapsedNanos) {
    }

    /**
     * @param usageBytes MemTotal less MemAvailable
     * @param totalBytes MemTotal
     */
    public record HostMemory(long usageBytes, long totalBytes) {
    }
}
