package io.palisade.processor;

import java.time.Instant;
import java.util.List;

import io.palisade.schema.Container;
import io.palisade.schema.ContainerAction;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerEventInfo;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.ProcessEventInfo;
import io.palisade.schema.Samples;

/** Events of the sample container as the collectors send them: processes know only the container id. */
final class TestEvents {

    static final String CONTAINER_ID = Samples.container().getId();

    private TestEvents() {
    }

    /** The inventory record of the sample container: privileged, named, with its image. */
    static ContainerEvent inventory() {
        ContainerEvent sample = Samples.containerEvent();
        return ContainerEvent.newBuilder(sample).setExec(null).setExitCode(null)
                .setEvent(ContainerEventInfo.newBuilder(sample.getEvent()).setAction(ContainerAction.INVENTORY)
                        .setId("e-inventory").build())
                .build();
    }

    /** {@code name} exec'd in the sample container, seen {@code secondsLater} after the sample time. */
    static ProcessEvent exec(String name, String eventId, long secondsLater) {
        return exec(name, eventId, Samples.SEEN.plusSeconds(secondsLater));
    }

    static ProcessEvent exec(String name, String eventId, Instant created) {
        ProcessEvent sample = Samples.processEvent();
        return ProcessEvent.newBuilder(sample)
                .setEvent(ProcessEventInfo.newBuilder(sample.getEvent()).setId(eventId).setCreated(created).build())
                .setProcess(io.palisade.schema.Process.newBuilder(sample.getProcess()).setName(name)
                        .setExecutable("/usr/bin/" + name).setArgs(List.of(name, "-t", "1")).build())
                .setContainer(Container.newBuilder().setId(CONTAINER_ID).build())
                .build();
    }
}
