package io.palisade.cli.selftest;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.palisade.cli.selftest.Action.ContainerSpec;
import io.palisade.cli.selftest.Action.Exec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-test's throw-away containers on the local Docker Engine: started from one image, labelled with the run
 * ({@value #RUN_LABEL}), and all removed (forcibly) at {@link #close()}. Their main process ends by itself after
 * {@code lifetime}, so even a self-test killed outright leaves only stopped containers, found by the label.
 */
final class ContainerLab implements AutoCloseable {

    static final String RUN_LABEL = "io.palisade.selftest.run";

    private static final Logger LOG = LoggerFactory.getLogger(ContainerLab.class);
    private static final String IN_CONTAINER_SOCKET = "/var/run/docker.sock";
    /** The largest CPU weight (cgroup v1 cpu.shares; Docker maps it to cpu.weight 10000 on v2). */
    private static final int HIGHEST_CPU_SHARES = 262_144;
    private static final Duration PULL_TIMEOUT = Duration.ofMinutes(5);

    private final DockerClient docker;
    private final String image;
    private final String runId;
    private final Duration lifetime;
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private boolean closed;

    /**
     * @param lifetime how long a container's main process runs at most ({@link Action#LIFETIME})
     */
    ContainerLab(DockerClient docker, String image, String runId, Duration lifetime) {
        this.docker = docker;
        this.image = image;
        this.runId = runId;
        this.lifetime = lifetime;
    }

    /** Pulls the image when the engine does not have it. */
    void ensureImage() throws InterruptedException {
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException absent) {
            pull();
        } catch (RuntimeException e) {
            throw new IllegalStateException("no Docker Engine answered at " + engineAddress() + " (" + e.getMessage()
                    + "); set DOCKER_HOST", e);
        }
    }

    private void pull() throws InterruptedException {
        LOG.atInfo().addKeyValue("image", image).log("pulling the self-test image");
        boolean pulled;
        try {
            pulled = docker.pullImageCmd(image).exec(new PullImageResultCallback())
                    .awaitCompletion(PULL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            throw new IllegalStateException("image " + image + " is not on the Docker Engine and cannot be pulled ("
                    + e.getMessage() + "); pass --image with a local one", e);
        }
        if (!pulled) {
            throw new IllegalStateException("image " + image + " not pulled within " + PULL_TIMEOUT);
        }
    }

    /** Creates and starts a container named {@code name}; returns its id. */
    String start(String name, ContainerSpec spec) {
        HostConfig host = HostConfig.newHostConfig().withPrivileged(spec.privileged());
        if (spec.mountDockerSocket()) {
            host.withBinds(new Bind(engineSocket(), new Volume(IN_CONTAINER_SOCKET)));
        }
        if (spec.cpuPriority()) {
            host.withCpuShares(HIGHEST_CPU_SHARES);
            if ("cgroupfs".equals(docker.infoCmd().exec().getCGroupDriver())) {
                // The weight only counts among siblings: at the top of the hierarchy, not beside every other
                // container below /docker, the busy loop gets a whole core on a busy host too.
                host.withCgroupParent("/");
            }
        }
        List<String> command = spec.command().isEmpty() ? List.of("sleep", Action.LIFETIME) : spec.command();
        String id;
        // One lock with close(): a container created while a Ctrl-C closes the lab would be left behind.
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the self-test is stopping");
            }
            id = docker.createContainerCmd(image).withName(name).withLabels(Map.of(RUN_LABEL, runId))
                    .withCmd(command.stream().map(this::withLifetime).toList()).withHostConfig(host).exec().getId();
            created.add(id);
        }
        docker.startContainerCmd(id).exec();
        return id;
    }

    /** Runs {@code exec} in the container like {@code docker exec}, and waits for it to end. */
    void exec(String containerId, Exec exec, Duration timeout) throws InterruptedException {
        String execId = docker.execCreateCmd(containerId).withCmd(exec.command().toArray(String[]::new))
                .withUser(exec.user()).withPrivileged(exec.privileged())
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        try (ResultCallback.Adapter<Frame> done = docker.execStartCmd(execId).exec(new ResultCallback.Adapter<>())) {
            if (!done.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("docker exec " + String.join(" ", exec.command()) + " did not end "
                        + "within " + timeout);
            }
        } catch (IOException e) {
            LOG.atDebug().setCause(e).log("closing a docker exec stream failed");
        }
    }

    /** Removes the container now (it is done with); logs, and goes on, when that fails. */
    void remove(String containerId) {
        if (!created.remove(containerId)) {
            return;
        }
        try {
            docker.removeContainerCmd(containerId).withForce(true).exec();
        } catch (NotFoundException gone) {
            // Removed by someone else: what we wanted.
        } catch (RuntimeException e) {
            LOG.atWarn().addKeyValue("container", containerId).addKeyValue("label", RUN_LABEL + "=" + runId)
                    .setCause(e).log("self-test container not removed; remove it with docker rm -f");
        }
    }

    /** Removes every container still there and starts no more; safe to call twice and from a shutdown hook. */
    @Override
    public void close() {
        List<String> left;
        synchronized (this) {
            closed = true;
            left = List.copyOf(created);
        }
        left.forEach(this::remove);
    }

    private String withLifetime(String argument) {
        return argument.replace(Action.LIFETIME, Long.toString(lifetime.toSeconds()));
    }

    /** Where the engine is, as the docker CLI finds it. */
    private static String engineAddress() {
        String host = System.getenv("DOCKER_HOST");
        return host == null || host.isBlank() ? "unix://" + IN_CONTAINER_SOCKET : host;
    }

    /** The engine's socket: DOCKER_HOST's when it is a unix socket, else the default path. */
    private static String engineSocket() {
        String address = engineAddress();
        return address.startsWith("unix://") ? address.substring("unix://".length()) : IN_CONTAINER_SOCKET;
    }
}
