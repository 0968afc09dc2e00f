package io.palisade.collector.file;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.ChangeLog;
import io.palisade.collector.Collector;
import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.EventSink;
import io.palisade.collector.container.EngineOutage;
import io.palisade.runtime.Worker;
import io.palisade.schema.Container;
import io.palisade.schema.ContainerImage;
import io.palisade.schema.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Container drift: files created, changed or deleted inside running containers, relative to their image, written to
 * palisade.events.file (keyed by host id, like host file events) with container.* set and file.path the path inside
 * the container.
 *
 * <p>Every {@code interval} the engine's {@code /containers/{id}/changes} of each running container is compared with
 * its previous answer ({@link DriftTracker}). A container that was already running when this source started is
 * baselined silently at its first poll: its changes may be old and were, if anything, reported by the collector
 * that ran before. A container started after this source, even one first polled late because the engine was away,
 * has all of its first answer reported, since everything in it happened while we watched.
 *
 * <p>When the engine is absent the source retries with exponential backoff, warning once per outage; other sources
 * are not affected.
 */
public final class ContainerDriftSource implements Collector {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerDriftSource.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<DockerClient> clients;
    private final CollectorIdentity identity;
    private final DriftSettings settings;
    private final FileEventFactory events;
    private final DriftTracker tracker = new DriftTracker();
    private final EngineOutage outage = new EngineOutage("drift", "drift is compared again once it is back");
    /** When the worker began; containers started before it are baselined silently. Worker thread only. */
    private Instant startedAt;
    private final Worker worker = new Worker("drift-source", JOIN_TIMEOUT);

    /** @param docker makes the engine client, e.g. {@link io.palisade.collector.container.DockerClients#fromEnvironment()} */
    public ContainerDriftSource(Supplier<DockerClient> docker, CollectorIdentity identity, DriftSettings settings) {
        this.clients = docker;
        this.identity = identity;
        this.settings = settings;
        this.events = new FileEventFactory(identity, Clock.systemUTC());
    }

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public void start(EventSink sink) {
        worker.start(() -> run(sink));
    }

    @Override
    public void close() {
        worker.stop();
    }

    private void run(EventSink sink) {
        startedAt = Instant.now();
        try (DockerClient docker = clients.get()) {
            while (!worker.stopping()) {
                Duration pause = settings.interval();
                try {
                    poll(docker, sink);
                    outage.over();
                } catch (RuntimeException e) {
                    if (worker.stopping()) {
                        return; // closing interrupted a request: no outage to report
                    }
                    pause = outage.failed(e);
                }
                worker.pause(pause);
            }
        } catch (IOException e) {
            LOG.atDebug().setMessage("Closing the Docker client failed").setCause(e).log();
        } catch (RuntimeException e) {
            // Only a client that cannot even be built (a malformed DOCKER_HOST) gets here; retrying cannot help.
            LOG.atError().setMessage("Drift source stopped: cannot create a Docker client").setCause(e).log();
        }
    }

    /** Compares every running container's changes with the last answer. */
    private void poll(DockerClient docker, EventSink sink) {
        List<com.github.dockerjava.api.model.Container> running = docker.listContainersCmd().exec();
        Set<String> ids = new HashSet<>();
        for (com.github.dockerjava.api.model.Container container : running) {
            ids.add(container.getId());
            boolean silent = !tracker.knows(container.getId()) && startedBeforeUs(docker, container.getId());
            Map<String, Integer> changes = changes(docker, container.getId());
            if (changes == null) {
                continue; // gone since the listing
            }
            Container described = describe(container);
            for (DriftTracker.Drift drift : tracker.update(container.getId(), changes, silent)) {
                sink.publish(Topics.FILE_EVENTS, identity.host().getId(),
                        events.containerFile(drift.action(), drift.path(), described));
            }
        }
        tracker.retain(ids);
    }

    /** The container's changes by path; {@code null} when the container is gone. */
    private static Map<String, Integer> changes(DockerClient docker, String id) {
        try {
            List<ChangeLog> changes = docker.containerDiffCmd(id).exec();
            Map<String, Integer> byPath = new HashMap<>();
            if (changes != null) { // the engine answers null, not [], for a container without changes
                changes.stream().filter(change -> change.getPath() != null && change.getKind() != null)
                        .forEach(change -> byPath.put(change.getPath(), change.getKind()));
            }
            return byPath;
        } catch (NotFoundException e) {
            return null;
        }
    }

    private boolean startedBeforeUs(DockerClient docker, String id) {
        try {
            String started = docker.inspectContainerCmd(id).exec().getState().getStartedAt();
            return started != null && Instant.parse(started).isBefore(startedAt);
        } catch (NotFoundException | DateTimeParseException e) {
            return false;
        }
    }

    private static Container describe(com.github.dockerjava.api.model.Container container) {
        String[] names = container.getNames();
        String name = names == null || names.length == 0 ? null : names[0].replaceFirst("^/", "");
        ContainerImage image = container.getImage() == null ? null
                : ContainerImage.newBuilder().setName(container.getImage()).build();
        return Container.newBuilder().setId(container.getId()).setName(name).setImage(image).build();
    }
}
