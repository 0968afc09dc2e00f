package io.palisade.collector.stats;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.dockerjava.api.model.BlkioStatEntry;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;

/**
 * Maps one answer of the engine's stats API ({@code GET /containers/{id}/stats?stream=false}) to a
 * {@link ResourceSample}: the fall-back when the collector cannot read a container's cgroups (it runs in a container
 * without the host's /proc, or the engine is remote). Pure.
 */
final class EngineStats {

    private EngineStats() {
    }

    static ResourceSample toSample(Statistics stats) {
        Long cpu = stats.getCpuStats() == null || stats.getCpuStats().getCpuUsage() == null ? null
                : stats.getCpuStats().getCpuUsage().getTotalUsage();
        MemoryStatsConfig memory = stats.getMemoryStats();
        if (cpu == null || memory == null || memory.getUsage() == null) {
            throw new IllegalArgumentException("engine stats without CPU or memory usage (container not running?)");
        }
        // The time of the answer's arrival, not its "read" field: a container keeps one clock when it moves between
        // the cgroup and engine back ends.
        return new ResourceSample(cpu, System.nanoTime(), memoryUsage(memory), memory.getLimit(), network(stats.getNetworks()),
                block(stats.getBlkioStats() == null ? null : stats.getBlkioStats().getIoServiceBytesRecursive()),
                stats.getPidsStats() == null ? null : stats.getPidsStats().getCurrent());
    }

    /** As the docker CLI: usage less total_inactive_file on cgroup v1, less inactive_file on v2. */
    private static long memoryUsage(MemoryStatsConfig memory) {
        long usage = memory.getUsage();
        if (memory.getStats() == null) {
            return usage;
        }
        Long inactive = memory.getStats().getTotalInactiveFile() != null
                ? memory.getStats().getTotalInactiveFile() : memory.getStats().getInactiveFile();
        return inactive != null && inactive <= usage ? usage - inactive : usage;
    }

    private static ByteCounts network(Map<String, StatisticNetworksConfig> networks) {
        if (networks == null || networks.isEmpty()) {
            return null;
        }
        long rx = 0;
        long tx = 0;
        for (StatisticNetworksConfig network : networks.values()) {
            rx += network.getRxBytes() == null ? 0 : network.getRxBytes();
            tx += network.getTxBytes() == null ? 0 : network.getTxBytes();
        }
        return new ByteCounts(rx, tx);
    }

    /** The engine writes "Read"/"Write" on cgroup v1 and "read"/"write" on v2. */
    private static ByteCounts block(List<BlkioStatEntry> entries) {
        if (entries == null) {
            return null;
        }
        long read = 0;
        long written = 0;
        for (BlkioStatEntry entry : entries) {
            String op = entry.getOp() == null ? "" : entry.getOp().toLowerCase(Locale.ROOT);
            long value = entry.getValue() == null ? 0 : entry.getValue();
            if (op.equals("read")) {
                read += value;
            } else if (op.equals("write")) {
                written += value;
            }
        }
        return new ByteCounts(read, written);
    }
}
