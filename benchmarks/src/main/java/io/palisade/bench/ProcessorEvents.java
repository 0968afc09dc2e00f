package io.palisade.bench;

import java.time.Instant;
import java.util.List;

import io.palisade.schema.Container;
import io.palisade.schema.ContainerAction;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerEventInfo;
import io.palisade.schema.ContainerExec;
import io.palisade.schema.ContainerStats;
import io.palisade.schema.FileEvent;
import io.palisade.schema.FileEventInfo;
import io.palisade.schema.Host;
import io.palisade.schema.HostEvent;
import io.palisade.schema.HostEventInfo;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.ProcessEventInfo;
import io.palisade.schema.Samples;
import io.palisade.schema.StatsEventInfo;
import io.palisade.schema.serde.TrustedRecords;

/**
 * The events of the processor benchmark, varied from {@link Samples}: ids differ per event, containers rotate over
 * an inventoried pool, process names over common programs. Process, file and stats events know only their
 * container's id, as collectors send them, so they go through enrichment.
 */
final class ProcessorEvents {

    static {
        TrustedRecords.install();
    }

    private static final List<String> PROGRAMS = List.of("nginx", "sh", "python3", "ls", "curl", "cat", "node");

    private final ProcessEvent process = Samples.processEvent();
    private final FileEvent file = Samples.fileEvent();
    private final ContainerStats stats = Samples.containerStats();
    private final ContainerEvent container = Samples.containerEvent();
    private final HostEvent host = Samples.hostEvent();

    static String containerId(int n) {
        return String.format("%064x", 0xbe0000L + n);
    }

    static String hostId(int n) {
        return String.format("%032x", 0xb0b0L + n);
    }

    /** The inventory record of pool container {@code n}, on one of {@code hosts} hosts. */
    ContainerEvent inventory(int n, int hosts, Instant at) {
        return ContainerEvent.newBuilder(container).setExec(null).setExitCode(null)
                .setEvent(ContainerEventInfo.newBuilder(container.getEvent()).setId("inv-" + n)
                        .setAction(ContainerAction.INVENTORY).setCreated(at).build())
                .setHost(host(n % hosts))
                .setContainer(Container.newBuilder(container.getContainer()).setId(containerId(n))
                        .setName("bench-" + n).build())
                .build();
    }

    HostEvent heartbeat(int n, Instant at) {
        return HostEvent.newBuilder(host).setHost(Host.newBuilder(host.getHost()).setId(hostId(n))
                        .setName("bench-host-" + n).build())
                .setEvent(HostEventInfo.newBuilder(host.getEvent()).setId("hb-" + n + "-" + at.toEpochMilli())
                        .setCreated(at).build())
                .build();
    }

    ProcessEvent process(long id, String containerId, Instant at) {
        String program = PROGRAMS.get((int) (id % PROGRAMS.size()));
        return ProcessEvent.newBuilder(process)
                .setEvent(ProcessEventInfo.newBuilder(process.getEvent()).setId("p-" + id).setCreated(at).build())
                .setProcess(io.palisade.schema.Process.newBuilder(process.getProcess()).setName(program)
                        .setExecutable("/usr/bin/" + program).setArgs(List.of(program, "--run", Long.toString(id)))
                        .build())
                .setContainer(Container.newBuilder().setId(containerId).build())
                .build();
    }

    FileEvent file(long id, String containerId, Instant at) {
        return FileEvent.newBuilder(file)
                .setEvent(FileEventInfo.newBuilder(file.getEvent()).setId("f-" + id).setCreated(at).build())
                .setContainer(Container.newBuilder().setId(containerId).build())
                .build();
    }

    ContainerStats stats(long id, String containerId, Instant at) {
        return ContainerStats.newBuilder(stats)
                .setEvent(StatsEventInfo.newBuilder(stats.getEvent()).setId("s-" + id).setCreated(at).build())
                .setContainer(Container.newBuilder().setId(containerId).build())
                .setCpuPercent(5.0 + id % 20)
                .build();
    }

    /**
     * A shell opened with docker exec in container {@code containerId}: raises "Terminal shell in container". Like
     * the collector's exec events it has no posture (only CREATE, START and INVENTORY carry one), so the posture
     * rules do not fire again on every exec.
     */
    ContainerEvent shellExec(long id, String containerId, Instant at) {
        return ContainerEvent.newBuilder(container).setPosture(null)
                .setEvent(ContainerEventInfo.newBuilder(container.getEvent()).setId("x-" + id).setCreated(at).build())
                .setContainer(Container.newBuilder(container.getContainer()).setId(containerId).build())
                .setExec(ContainerExec.newBuilder(container.getExec()).setId("exec-" + id).build())
                .build();
    }

    private Host host(int n) {
        return Host.newBuilder(container.getHost()).setId(hostId(n)).setName("bench-host-" + n).build();
    }
}
