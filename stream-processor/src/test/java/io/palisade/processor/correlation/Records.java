package io.palisade.processor.correlation;

import java.time.Instant;
import java.util.List;

import io.palisade.schema.Alert;
import io.palisade.schema.Container;
import io.palisade.schema.ContainerImage;
import io.palisade.schema.ContainerStats;
import io.palisade.schema.Host;
import io.palisade.schema.Process;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.ProcessEventInfo;
import io.palisade.schema.Rule;
import io.palisade.schema.Samples;
import io.palisade.schema.StatsEventInfo;

/** Realistic inputs for correlation tests, derived from {@link Samples} with the parts a test varies. */
final class Records {

    static final Instant T0 = Samples.SEEN;
    static final String SHELL = "PAL-PROC-001";
    static final String WRITE_BIN = "PAL-FILE-001";
    static final String HIGH_CPU = "PAL-STAT-001";

    private Records() {
    }

    static Container container(String id, String image) {
        return Container.newBuilder(Samples.container()).setId(id).setName("c-" + id)
                .setImage(ContainerImage.newBuilder().setName(image).build()).build();
    }

    static Host host(String id) {
        return Host.newBuilder(Samples.host()).setId(id).setName("host-" + id).setOs(null).build();
    }

    /** A rule alert as the rules write it: one event of evidence, first_seen = last_seen = its event time. */
    static Alert ruleAlert(String ruleId, String eventId, Instant at, Container container, Host host) {
        return Alert.newBuilder(Samples.alert())
                .setId("alert-" + eventId)
                .setRule(Rule.newBuilder(Samples.alert().getRule()).setId(ruleId).setName("rule " + ruleId).build())
                .setFirstSeen(at).setLastSeen(at).setCount(1)
                .setContainer(container).setHost(host)
                .setEvidenceEventIds(List.of(eventId))
                .build();
    }

    static Alert ruleAlert(String ruleId, String eventId, Instant at, String containerId) {
        return ruleAlert(ruleId, eventId, at, container(containerId, "nginx:1.27"), host("h1"));
    }

    static ProcessEvent exec(String image, String executable, String eventId, Instant at) {
        ProcessEvent sample = Samples.processEvent();
        return ProcessEvent.newBuilder(sample)
                .setEvent(ProcessEventInfo.newBuilder(sample.getEvent()).setId(eventId).setCreated(at).build())
                .setContainer(container("c1", image))
                .setProcess(Process.newBuilder(sample.getProcess()).setExecutable(executable).build())
                .build();
    }

    static ContainerStats sample(String image, String containerId, double cpuPercent, long memoryBytes,
                                 String eventId, Instant at) {
        return ContainerStats.newBuilder(Samples.containerStats())
                .setEvent(StatsEventInfo.newBuilder().setId(eventId).setCreated(at).build())
                .setContainer(container(containerId, image))
                .setCpuPercent(cpuPercent)
                .setMemoryUsageBytes(memoryBytes)
                .build();
    }
}
