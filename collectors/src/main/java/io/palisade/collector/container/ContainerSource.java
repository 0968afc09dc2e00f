package io.palisade.collector.container;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import io.palisade.collector.Collector;
import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.EventSink;
import io.palisade.runtime.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container source: follows the Docker Engine's event stream and resyncs periodically, through a
 * {@link ContainerTracker} that writes palisade.events.container and palisade.inventory.containers.
 *
 * <p>One worker thread does everything (engine events are queued to it by docker-java's stream thread), so the
 * records of a container keep the engine's order and resyncs never race with events. When the engine is absent,
 * restarting or drops the stream, the worker reconnects with exponential backoff and resyncs after each reconnect,
 * which heals whatever happened while it was away.
 */
public final class ContainerSource implements Collector {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerSource.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<DockerClient> clients;
    private final CollectorIdentity identity;
    private final Duration resyncInterval;
    private final EngineOutage outage = new EngineOutage("container", "container events resume with a resync");
    private final Worker worker = new Worker("container-source", JOIN_TIMEOUT);

    /**
     * @param clients        makes the engine client, e.g. {@link DockerClients#fromEnvironment()}
     * @param resyncInterval how often every running container is inspected again
     */
    public ContainerSource(Supplier<DockerClient> clients, CollectorIdentity identity, Duration resyncInterval) {
        this.clients = clients;
        this.identity = identity;
        this.resyncInterval = resyncInterval;
    }

    @Override
    public String name() {
        return "container";
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
        try (DockerClient docker = clients.get()) {
            ContainerTracker tracker = new ContainerTracker(docker, sink, new ContainerEventFactory(identity),
                    Clock.systemUTC());
            while (!worker.stopping()) {
                try {
                    follow(docker, tracker);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    if (!worker.stopping() && !retryLater(e)) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            LOG.atDebug().setMessage("Closing the Docker client failed").setCause(e).log();
        } catch (RuntimeException e) {
            // Only a client that cannot even be built (a malformed DOCKER_HOST) gets here; retrying cannot help.
            LOG.atError().setMessage("Container source stopped: cannot create a Docker client").setCause(e).log();
        }
    }

    /** Subscribes to the engine's events, resyncs, then handles events until the stream ends or we stop. */
    @SuppressWarnings("try") // the subscription is only closed, never referenced
    private void follow(DockerClient docker, ContainerTracker tracker) throws InterruptedException {
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        // Subscribe before listing, so a container that starts in between is not missed.
        try (Closeable ignored = docker.eventsCmd().withEventTypeFilter(EventType.CONTAINER)
                .exec(new EngineEvents(inbox))) {
            int running = tracker.resync();
            outage.over();
            LOG.atInfo().setMessage("Following Docker Engine events").addKeyValue("runningContainers", running).log();
            Instant nextResync = Instant.now().plus(resyncInterval);
            while (!worker.stopping()) {
                long waitMillis = Math.max(0, Duration.between(Instant.now(), nextResync).toMillis());
                Object item = inbox.poll(waitMillis, TimeUnit.MILLISECONDS);
                if (item == null) {
                    tracker.resync();
                    nextResync = Instant.now().plus(resyncInterval);
                } else if (item instanceof Event event) {
                    tracker.handle(event);
                } else {
                    throw new StreamEnded((Throwable) item);
                }
            }
        } catch (IOException e) {
            LOG.atDebug().setMessage("Closing the engine event stream failed").setCause(e).log();
        }
    }

    /** Logs the failure and waits the backoff delay; false when stopping. */
    private boolean retryLater(RuntimeException error) {
        Throwable cause = error instanceof StreamEnded ended && ended.getCause() != null ? ended.getCause() : error;
        return worker.pause(outage.failed(cause));
    }

    /** Hands the engine's events to the worker thread; an error or the end of the stream becomes a marker. */
    private static final class EngineEvents extends ResultCallback.Adapter<Event> {

        private static final Throwable COMPLETED = new IllegalStateException("engine closed the event stream");

        private final BlockingQueue<Object> inbox;

        EngineEvents(BlockingQueue<Object> inbox) {
            this.inbox = inbox;
        }

        @Override
        public void onNext(Event event) {
            inbox.add(event);
        }

        @Override
        public void onError(Throwable error) {
            inbox.add(error);
        }

        @Override
        public void onComplete() {
            inbox.add(COMPLETED);
        }
    }

    /** The engine's event stream ended; the worker reconnects. */
    private static final class StreamEnded extends RuntimeException {
        StreamEnded(Throwable cause) {
            super("Docker Engine event stream ended", cause);
        }
    }
}
