package io.palisade.collector.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Statistics;
import io.palisade.schema.Container;
import io.palisade.schema.ContainerImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples every running container: the container list comes from the engine, the numbers from cgroupfs when the
 * container's cgroups are visible here, else from the engine's stats API, in that fixed order. Remembers each
 * container's cgroup directories, so the engine is asked one list per interval and one inspect per new container.
 */
final class ContainerSampler {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerSampler.class);
    private static final long ENGINE_STATS_TIMEOUT_SECONDS = 10;

    private final DockerClient docker;
    private final CgroupSampler cgroups;
    private final Map<String, Target> targets = new HashMap<>();
    private boolean engineFallbackLogged;

    ContainerSampler(DockerClient docker, CgroupSampler cgroups) {
        this.docker = docker;
        this.cgroups = cgroups;
    }

    /**
     * One sample of each running container; a container that stops while being sampled is left out.
     *
     * @throws RuntimeException when the engine cannot list containers (absent, restarting, refusing)
     */
    List<Sampled> sampleAll() {
        List<com.github.dockerjava.api.model.Container> running = docker.listContainersCmd().exec();
        targets.keySet().retainAll(running.stream().map(com.github.dockerjava.api.model.Container::getId).toList());
        List<Sampled> samples = new ArrayList<>();
        for (com.github.dockerjava.api.model.Container listed : running) {
            try {
                Target target = targets.computeIfAbsent(listed.getId(), id -> locate(listed));
                ResourceSample sample = sample(target);
                if (sample != null) {
                    samples.add(new Sampled(target.container(), sample));
                }
            } catch (NotFoundException e) {
                targets.remove(listed.getId()); // removed since the list: nothing to report
            }
        }
        return samples;
    }

    private ResourceSample sample(Target target) {
        if (target.dirs() != null) {
            try {
                return cgroups.sample(target.dirs(), target.pid());
            } catch (IOException | RuntimeException e) {
                // Stopped or restarted (a new init pid) since located: locate it again next time, ask the engine now.
                LOG.atDebug().setMessage("Container cgroup unreadable; asking the engine")
                        .addKeyValue("containerId", target.container().getId()).addKeyValue("error", e.toString())
                        .log();
                targets.remove(target.container().getId());
            }
        }
        return engineSample(target.container().getId());
    }

    private Target locate(com.github.dockerjava.api.model.Container listed) {
        Container container = Container.newBuilder().setId(listed.getId())
                .setName(listed.getNames() == null || listed.getNames().length == 0 ? null
                        : listed.getNames()[0].replaceFirst("^/", ""))
                .setImage(listed.getImage() == null ? null
                        : ContainerImage.newBuilder().setName(listed.getImage()).setDigest(null).build())
                .build();
        InspectContainerResponse inspect = docker.inspectContainerCmd(listed.getId()).exec();
        Long pid = inspect.getState() == null ? null : inspect.getState().getPidLong();
        Optional<CgroupDirs> dirs = Optional.empty();
        if (pid != null && pid > 0) {
            try {
                dirs = cgroups.locate(pid);
            } catch (IOException | UncheckedIOException e) {
                // another pid namespace or no host /proc: the engine's stats API below
            }
        }
        if (dirs.isEmpty() && !engineFallbackLogged) {
            engineFallbackLogged = true;
            LOG.atInfo().setMessage("Container cgroups not readable here; sampling through the engine's stats API")
                    .addKeyValue("containerId", listed.getId()).addKeyValue("pid", pid).log();
        }
        return new Target(container, pid == null ? 0 : pid, dirs.orElse(null));
    }

    /** The engine's answer, or null when it has none in time or the container stopped meanwhile. */
    private ResourceSample engineSample(String containerId) {
        FirstStatistics callback = docker.statsCmd(containerId).withNoStream(true).exec(new FirstStatistics());
        try {
            if (!callback.awaitCompletion(ENGINE_STATS_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    || callback.statistics == null) {
                return null;
            }
            return EngineStats.toSample(callback.statistics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (IllegalArgumentException e) {
            return null; // stopped between the list and the stats call: the engine answers with empty stats
        } finally {
            try {
                callback.close();
            } catch (IOException e) {
                LOG.atDebug().setMessage("Closing a stats request failed").setCause(e).log();
            }
        }
    }

    /** One container's sample. */
    record Sampled(Container container, ResourceSample sample) {
    }

    /** A running container and where its cgroups are ({@code dirs} null: ask the engine). */
    private record Target(Container container, long pid, CgroupDirs dirs) {
    }

    private static final class FirstStatistics extends ResultCallback.Adapter<Statistics> {
        private volatile Statistics statistics;

        @Override
        public void onNext(Statistics next) {
            if (statistics == null) {
                statistics = next;
            }
        }
    }
}
