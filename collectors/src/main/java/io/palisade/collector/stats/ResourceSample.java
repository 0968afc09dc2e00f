package io.palisade.collector.stats;

/**
 * What one reading of a container's cgroup (or of the whole host) found. Counters are cumulative, as the kernel keeps
 * them; the CPU percentage is derived from two samples by {@link CpuPercent}.
 *
 * @param cpuNanos         CPU time used since the container (or host) started, in nanoseconds
 * @param cpuClockNanos    the clock {@code cpuNanos} is divided by between two samples: for a container the monotonic
 *                         time ({@link System#nanoTime()}) it was read at; for the host the time the kernel counts
 *                         in /proc/stat per CPU, busy or idle, so that scheduling delays of the collector do not
 *                         skew the percentage
 * @param memoryUsageBytes memory in use, less the inactive file cache (as {@code docker stats})
 * @param memoryLimitBytes memory limit, {@code null} when unlimited
 * @param network          bytes received and sent, {@code null} when there is no network namespace of its own
 * @param block            bytes read from and written to block devices, {@code null} when not accounted
 * @param pids             processes and threads, {@code null} when not counted
 */
public record ResourceSample(long cpuNanos, long cpuClockNanos, long memoryUsageBytes, Long memoryLimitBytes, ByteCounts network,
                             ByteCounts block, Long pids) {
}
