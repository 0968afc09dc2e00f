package io.palisade.collector.stats;

import java.time.Instant;
import java.util.UUID;

import io.palisade.collector.CollectorIdentity;
import io.palisade.schema.Container;
import io.palisade.schema.ContainerStats;
import io.palisade.schema.StatsEventInfo;

/** Builds the {@link ContainerStats} record of one sample. Pure. */
final class StatsFactory {

    private final CollectorIdentity identity;

    StatsFactory(CollectorIdentity identity) {
        this.identity = identity;
    }

    /**
     * @param container  the sampled container, or {@code null} for host totals
     * @param cpuPercent from {@link CpuPercent}, {@code null} on a first sample
     */
    ContainerStats build(Container container, ResourceSample sample, Double cpuPercent, Instant created) {
        return ContainerStats.newBuilder()
                .setEvent(StatsEventInfo.newBuilder().setId(UUID.randomUUID().toString()).setCreated(created).build())
                .setHost(identity.host())
                .setAgent(identity.agent())
                .setContainer(container)
                .setCpuPercent(cpuPercent)
                .setMemoryUsageBytes(sample.memoryUsageBytes())
                .setMemoryLimitBytes(sample.memoryLimitBytes())
                .setNetworkRxBytes(sample.network() == null ? null : sample.network().in())
                .setNetworkTxBytes(sample.network() == null ? null : sample.network().out())
                .setBlockReadBytes(sample.block() == null ? null : sample.block().in())
                .setBlockWriteBytes(sample.block() == null ? null : sample.block().out())
                .setPids(sample.pids())
                .build();
    }
}
