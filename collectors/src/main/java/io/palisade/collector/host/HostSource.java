package io.palisade.collector.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Info;
import io.palisade.collector.Collector;
import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.EventSink;
import io.palisade.collector.container.EngineOutage;
import io.palisade.collector.stats.Shutdowns;
import io.palisade.runtime.Backoff;
import io.palisade.runtime.Worker;
import io.palisade.schema.DockerDaemon;
import io.palisade.schema.Host;
import io.palisade.schema.HostAction;
import io.palisade.schema.HostEvent;
import io.palisade.schema.HostEventInfo;
import io.palisade.schema.Os;
import io.palisade.schema.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host source: a {@link HostEvent} to palisade.events.host, keyed by host id, when the collector starts
 * (STARTED), every heartbeat (HEARTBEAT) and when it stops (STOPPING). Each carries host.os, the Docker daemon's
 * security settings ({@link DaemonPosture}) and the docker group's members, so a consumer needs only the latest.
 *
 * <p>When the engine cannot be reached the event still goes out, with docker null, and the engine is tried again
 * with exponential backoff (1 s up to the heartbeat), each attempt publishing a HEARTBEAT, so the daemon's settings
 * arrive soon after it returns.
 */
public final class HostSource implements Collector {

    private static final Logger LOG = LoggerFactory.getLogger(HostSource.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);
    private static final String DOCKER_GROUP = "docker";
    private static final List<Path> OS_RELEASE = List.of(Path.of("/etc/os-release"), Path.of("/usr/lib/os-release"));
    private static final Path KERNEL_RELEASE = Path.of("/proc/sys/kernel/osrelease");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<DockerClient> clients;
    private final CollectorIdentity identity;
    private final HostSettings settings;
    private final Clock clock = Clock.systemUTC();
    private final EngineOutage outage;
    private final Worker worker = new Worker("host-source", JOIN_TIMEOUT);
    private EventSink sink;
    private DockerClient docker;
    private volatile DockerDaemon lastDaemon;

    /**
     * @param docker makes the engine client, e.g. {@link io.palisade.collector.container.DockerClients#fromEnvironment()}
     */
    public HostSource(Supplier<DockerClient> docker, CollectorIdentity identity, HostSettings settings) {
        this.clients = docker;
        this.identity = identity;
        this.settings = settings;
        this.outage = new EngineOutage("host", "host events carry no daemon settings", new Backoff(
                Duration.ofSeconds(1).compareTo(settings.heartbeat()) < 0 ? Duration.ofSeconds(1)
                        : settings.heartbeat(), settings.heartbeat()));
    }

    @Override
    public String name() {
        return "host";
    }

    @Override
    public synchronized void start(EventSink sink) {
        this.sink = sink;
        worker.start(() -> {
            Duration next = beat(HostAction.STARTED);
            while (worker.pause(next)) {
                next = beat(HostAction.HEARTBEAT);
            }
        });
    }

    /** Stops the heartbeats, then publishes STOPPING with the daemon settings last read. */
    @Override
    public synchronized void close() {
        if (sink == null) {
            return;
        }
        worker.stop();
        publish(HostAction.STOPPING, lastDaemon);
        Shutdowns.close(docker);
        sink = null;
    }

    /** Publishes one host event; returns the delay before the next: the heartbeat, or a retry while no engine. */
    private Duration beat(HostAction action) {
        Duration next = settings.heartbeat();
        DockerDaemon daemon = null;
        try {
            daemon = readDaemon();
            outage.over();
        } catch (RuntimeException e) {
            next = outage.failed(e);
        }
        lastDaemon = daemon;
        try {
            publish(action, daemon);
        } catch (RuntimeException e) {
            LOG.atWarn().setMessage("Host event failed; trying again at the next heartbeat").setCause(e).log();
        }
        return next;
    }

    private void publish(HostAction action, DockerDaemon daemon) {
        HostEvent event = HostEvent.newBuilder()
                .setEvent(HostEventInfo.newBuilder().setId(UUID.randomUUID().toString()).setCreated(clock.instant())
                        .setAction(action).build())
                .setHost(Host.newBuilder(identity.host()).setOs(os()).build())
                .setAgent(identity.agent())
                .setDocker(daemon)
                .setDockerGroupMembers(dockerGroupMembers())
                .build();
        sink.publish(Topics.HOST_EVENTS, identity.host().getId(), event);
    }

    /** The daemon's settings; throws when the engine cannot be reached. */
    private DockerDaemon readDaemon() {
        if (docker == null) {
            docker = clients.get();
        }
        Info info = docker.infoCmd().exec();
        return DaemonPosture.from(info, bridgeOptions(), daemonJson());
    }

    private Map<String, String> bridgeOptions() {
        try {
            Map<String, String> options = docker.inspectNetworkCmd().withNetworkId("bridge").exec().getOptions();
            return options == null ? Map.of() : options;
        } catch (NotFoundException e) {
            return Map.of(); // started with --bridge=none
        }
    }

    private Map<String, Object> daemonJson() {
        try {
            return JSON.readValue(Files.readString(settings.daemonConfig()), new TypeReference<>() { });
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            LOG.atWarn().setMessage("Cannot read the Docker daemon configuration; reporting its defaults")
                    .addKeyValue("file", settings.daemonConfig()).addKeyValue("error", e.toString()).log();
            return Map.of();
        }
    }

    private List<String> dockerGroupMembers() {
        try {
            return HostFiles.groupMembers(Files.readString(settings.groupFile()), DOCKER_GROUP);
        } catch (IOException e) {
            LOG.atWarn().setMessage("Cannot read the group file; reporting no docker group members")
                    .addKeyValue("file", settings.groupFile()).addKeyValue("error", e.toString()).log();
            return List.of();
        }
    }

    private static Os os() {
        String kernel = read(KERNEL_RELEASE);
        for (Path file : OS_RELEASE) {
            String release = read(file);
            if (!release.isEmpty()) {
                return HostFiles.os(release, kernel.isEmpty() ? "unknown" : kernel);
            }
        }
        return HostFiles.os("", kernel.isEmpty() ? "unknown" : kernel);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
