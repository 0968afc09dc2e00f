package io.palisade.processor;

import java.time.Instant;
import java.util.List;

import io.palisade.schema.Container;
import io.palisade.schema.ContainerAction;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerEventInfo;
import io.palisade.schema.FileEvent;
import io.palisade.schema.FileEventInfo;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.ProcessEventInfo;
import io.palisade.schema.Samples;

/**
 * Events of the sample container (or of a copy of it under another id) as the collectors send them: the inventory
 * record knows the container's name, image and posture; process and file events know only its id.
 */
final class TestEvents {

    static final String CONTAINER_ID = Samples.container().getId();

    private TestEvents() {
    }

    /** A fresh container id, so tests sharing a broker never see each other's alerts. */
    static String newContainerId() {
        return (java.util.UUID.randomUUID().toString() + java.util.UUID.randomUUID()).replace("-", "");
    }

    static Container container(String containerId) {
        return Container.newBuilder(Samples.container()).setId(containerId).build();
    }

    static ContainerEvent inventory() {
        return inventory(CONTAINER_ID);
    }

    /** The inventory record of the sample container: privileged, named, with its image. */
    static ContainerEvent inventory(String containerId) {
        ContainerEvent sample = Samples.containerEvent();
        return ContainerEvent.newBuilder(sample).setExec(null).setExitCode(null).setContainer(container(containerId))
                .setEvent(ContainerEventInfo.newBuilder(sample.getEvent()).setAction(ContainerAction.INVENTORY)
                        .setId("e-inventory").build())
                .build();
    }

    /** {@code name} exec'd in the sample container, seen {@code secondsLater} after the sample time. */
    static ProcessEvent exec(String name, String eventId, long secondsLater) {
        return exec(CONTAINER_ID, name, eventId, Samples.SEEN.plusSeconds(secondsLater));
    }

    static ProcessEvent exec(String name, String eventId, Instant created) {
        return exec(CONTAINER_ID, name, eventId, created);
    }

    static ProcessEvent exec(String containerId, String name, String eventId, Instant created) {
        ProcessEvent sample = Samples.processEvent();
        return ProcessEvent.newBuilder(sample)
                .setEvent(ProcessEventInfo.newBuilder(sample.getEvent()).setId(eventId).setCreated(created).build())
                .setProcess(io.palisade.schema.Process.newBuilder(sample.getProcess()).setName(name)
                        .setExecutable("/usr/bin/" + name).setArgs(List.of(name, "-t", "1")).build())
                .setContainer(Container.newBuilder().setId(containerId).build())
                .build();
    }

    /** /etc/passwd replaced in the container. */
    static FileEvent passwdReplaced(String containerId, String eventId, Instant created) {
        FileEvent sample = Samples.fileEvent();
        return FileEvent.newBuilder(sample)
                .setEvent(FileEventInfo.newBuilder(sample.getEvent()).setId(eventId).setCreated(created).build())
                .setContainer(Container.newBuilder().setId(containerId).build())
                .build();
    }
}
