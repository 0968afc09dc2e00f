package io.palisade.collector.stats;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.github.dockerjava.api.DockerClient;
import io.palisade.collector.Collector;
import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.EventSink;
import io.palisade.collector.container.EngineOutage;
import io.palisade.runtime.Worker;
import io.palisade.schema.topic.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stats source: every interval, one resource sample of each running container, keyed by container id, and one of
 * the host's totals (container null), keyed by host id, to palisade.events.stats.
 *
 * <p>Containers and host run on two threads of their own: an absent or slow engine delays container samples only.
 * Containers are read from cgroupfs ({@link CgroupSampler}), or through the engine's stats API when their cgroups are
 * not visible here; the engine being absent is retried with exponential backoff (1 s up to 1 min) and logged at WARN,
 * while host totals go on.
 */
public final class StatsSource implements Collector {

    private static final Logger LOG = LoggerFactory.getLogger(StatsSource.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Path PROC = Path.of("/proc");
    private static final Path SYS = Path.of("/sys");

    private final Supplier<DockerClient> clients;
    private final Duration interval;
    private final StatsFactory factory;
    private final String hostId;
    private final Clock clock = Clock.systemUTC();
    private final EngineOutage outage = new EngineOutage("stats", "container stats paused, host totals go on");
    private final CpuPercent containerCpu = new CpuPercent();
    private final CpuPercent hostCpu = new CpuPercent();
    private final HostSampler host = new HostSampler(PROC, SYS);
    private final Worker worker = new Worker("stats-source", JOIN_TIMEOUT);
    private DockerClient docker;
    private ContainerSampler containers;
    private long engineRetryAtNanos = System.nanoTime();
    private boolean hostFailing;

    /**
     * @param docker makes the engine client, e.g. {@link io.palisade.collector.container.DockerClients#fromEnvironment()}
     */
    public StatsSource(Supplier<DockerClient> docker, CollectorIdentity identity, StatsSettings settings) {
        this.clients = docker;
        this.interval = settings.interval();
        this.factory = new StatsFactory(identity);
        this.hostId = identity.host().getId();
    }

    @Override
    public String name() {
        return "stats";
    }

    @Override
    public void start(EventSink sink) {
        worker.startRepeating("stats-host", interval, () -> sampleHost(sink));
        worker.startRepeating("stats-containers", interval, () -> sampleContainers(sink));
        LOG.atInfo().setMessage("Stats source started").addKeyValue("interval", interval).log();
    }

    @Override
    public void close() {
        worker.stop();
        Shutdowns.close(docker);
    }

    private void sampleHost(EventSink sink) {
        try {
            ResourceSample sample = host.sample();
            Double cpu = hostCpu.update(hostId, sample.cpuNanos(), sample.cpuClockNanos());
            sink.publish(Topics.CONTAINER_STATS, hostId, factory.build(null, sample, cpu, clock.instant()));
            hostFailing = false;
        } catch (IOException | RuntimeException e) {
            if (!hostFailing) {
                LOG.atWarn().setMessage("Cannot read the host's totals; retrying every interval")
                        .addKeyValue("error", e.toString()).log();
            }
            hostFailing = true;
        }
    }

    /** Runs every interval on its own thread; skips the ticks that fall before the next retry after a failure. */
    private void sampleContainers(EventSink sink) {
        if (System.nanoTime() - engineRetryAtNanos < 0) {
            return;
        }
        try {
            if (containers == null) {
                docker = clients.get();
                containers = new ContainerSampler(docker, new CgroupSampler(PROC));
            }
            List<ContainerSampler.Sampled> samples = containers.sampleAll();
            Set<String> ids = new HashSet<>();
            for (ContainerSampler.Sampled sampled : samples) {
                String id = sampled.container().getId();
                ids.add(id);
                Double cpu = containerCpu.update(id, sampled.sample().cpuNanos(), sampled.sample().cpuClockNanos());
                sink.publish(Topics.CONTAINER_STATS, id,
                        factory.build(sampled.container(), sampled.sample(), cpu, clock.instant()));
            }
            containerCpu.retain(ids);
            outage.over();
        } catch (RuntimeException e) {
            engineRetryAtNanos = System.nanoTime() + outage.failed(e).toNanos();
        }
    }
}
