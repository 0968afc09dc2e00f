package io.palisade.collector.container;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectExecResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Event;
import io.palisade.collector.EventSink;
import io.palisade.collector.container.ContainerEventFactory.ExecDetails;
import io.palisade.schema.ContainerAction;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns engine events and full resyncs into records. Writes palisade.events.container (every kept engine event, and
 * an INVENTORY snapshot of each running container the first time it is seen) and palisade.inventory.containers
 * (the posture of every container that has run, on START and on each resync; a tombstone when it is destroyed, or
 * found gone at a resync).
 *
 * <p>Not thread-safe: {@link ContainerSource} calls it from its one worker thread, which keeps the records of one
 * container in the order the engine reported them.
 *
 * <p>Engine failures that are worth retrying propagate, so the source reconnects; a container that vanished between
 * an event and its inspection is not a failure.
 */
final class ContainerTracker {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerTracker.class);

    private final DockerClient docker;
    private final EventSink sink;
    private final ContainerEventFactory events;
    private final ImageDigests digests;
    private final Clock clock;
    /** Containers this collector has written an inventory value for, so it knows which need a tombstone. */
    private final Set<String> inventoried = new HashSet<>();

    ContainerTracker(DockerClient docker, EventSink sink, ContainerEventFactory events, Clock clock) {
        this.docker = docker;
        this.sink = sink;
        this.events = events;
        this.digests = new ImageDigests(docker);
        this.clock = clock;
    }

    /** Publishes what one engine event means; events of no interest are ignored. */
    void handle(Event event) {
        Optional<ContainerAction> action = ContainerEventFactory.actionOf(event.getAction());
        if (action.isEmpty()) {
            return;
        }
        String id = event.getActor() != null && event.getActor().getId() != null ? event.getActor().getId()
                : event.getId();
        switch (action.get()) {
            case CREATE, START -> {
                Optional<InspectContainerResponse> inspect = inspect(id);
                ContainerEvent published = inspect
                        .map(found -> events.withPosture(action.get(), ContainerEventFactory.timeOf(event), found,
                                digests.of(found)))
                        .orElseGet(() -> events.fromEngineEvent(action.get(), event, null));
                sink.publish(Topics.CONTAINER_EVENTS, id, published);
                if (action.get() == ContainerAction.START && published.getPosture() != null) {
                    sink.publish(Topics.CONTAINER_INVENTORY, id, published);
                    inventoried.add(id);
                }
            }
            case DESTROY -> {
                sink.publish(Topics.CONTAINER_EVENTS, id, events.fromEngineEvent(action.get(), event, null));
                tombstone(id);
            }
            case EXEC -> sink.publish(Topics.CONTAINER_EVENTS, id,
                    events.fromEngineEvent(action.get(), event, inspectExec(event).orElse(null)));
            default -> sink.publish(Topics.CONTAINER_EVENTS, id, events.fromEngineEvent(action.get(), event, null));
        }
    }

    /**
     * Inspects every running container again and refreshes its inventory value, announces those not seen before
     * (started while the stream was down), and tombstones those destroyed meanwhile.
     *
     * @return how many containers are running
     */
    int resync() {
        List<com.github.dockerjava.api.model.Container> all = docker.listContainersCmd().withShowAll(true).exec();
        Set<String> existing = all.stream().map(com.github.dockerjava.api.model.Container::getId)
                .collect(Collectors.toSet());
        int running = 0;
        for (com.github.dockerjava.api.model.Container container : all) {
            if (!"running".equals(container.getState())) {
                continue;
            }
            Optional<InspectContainerResponse> inspect = inspect(container.getId());
            if (inspect.isPresent()) {
                running++;
                ContainerEvent snapshot = events.withPosture(ContainerAction.INVENTORY, clock.instant(), inspect.get(),
                        digests.of(inspect.get()));
                if (inventoried.add(container.getId())) {
                    sink.publish(Topics.CONTAINER_EVENTS, container.getId(), snapshot);
                }
                sink.publish(Topics.CONTAINER_INVENTORY, container.getId(), snapshot);
            }
        }
        Set<String> gone = new HashSet<>(inventoried);
        gone.removeAll(existing);
        gone.forEach(this::tombstone);
        return running;
    }

    private void tombstone(String id) {
        sink.publish(Topics.CONTAINER_INVENTORY, id, null);
        inventoried.remove(id);
    }

    private Optional<InspectContainerResponse> inspect(String id) {
        try {
            return Optional.of(docker.inspectContainerCmd(id).exec());
        } catch (NotFoundException e) {
            return Optional.empty(); // removed before we asked; its destroy event follows
        } catch (RuntimeException e) {
            if (DockerErrors.isRetriable(e)) {
                throw e;
            }
            LOG.atWarn().setMessage("Engine refused to inspect a container").addKeyValue("containerId", id)
                    .addKeyValue("error", e.toString()).log();
            return Optional.empty();
        }
    }

    /** User and privilege of an exec; empty when it cannot be inspected, as the exec event still matters. */
    private Optional<ExecDetails> inspectExec(Event event) {
        String execId = event.getActor() == null || event.getActor().getAttributes() == null ? null
                : event.getActor().getAttributes().get("execID");
        if (execId == null) {
            return Optional.empty();
        }
        try {
            InspectExecResponse.ProcessConfig process = docker.inspectExecCmd(execId).exec().getProcessConfig();
            return Optional.ofNullable(process).map(p -> new ExecDetails(
                    p.getUser() == null || p.getUser().isBlank() ? null : p.getUser(), p.isPrivileged()));
        } catch (RuntimeException e) {
            if (DockerErrors.isRetriable(e)) {
                throw e;
            }
            return Optional.empty();
        }
    }
}
