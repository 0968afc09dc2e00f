package io.palisade.collector.container;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import io.palisade.schema.ContainerPosture;
import io.palisade.schema.EnvironmentVariable;
import io.palisade.schema.Mount;
import io.palisade.schema.PublishedPort;

/**
 * Turns {@code docker inspect} output into the {@link ContainerPosture} snapshot. Pure: no engine calls.
 *
 * <p>Environment values are read here, judged by {@link SecretHeuristics}, and dropped: only names and the verdict
 * reach the posture.
 */
public final class PostureMapper {

    /** Host paths whose bind mount hands the container the Docker socket, and with it the host. */
    private static final Set<String> DOCKER_SOCKET_SOURCES = Set.of("/var/run/docker.sock", "/run/docker.sock",
            "/var/run", "/run", "/");

    private PostureMapper() {
    }

    public static ContainerPosture map(InspectContainerResponse inspect) {
        HostConfig host = Optional.ofNullable(inspect.getHostConfig()).orElseGet(HostConfig::new);
        ContainerConfig config = Optional.ofNullable(inspect.getConfig()).orElseGet(ContainerConfig::new);
        List<String> securityOptions = Optional.ofNullable(host.getSecurityOpts()).orElse(List.of());
        List<Mount> mounts = mounts(inspect);
        return ContainerPosture.newBuilder()
                .setPrivileged(Boolean.TRUE.equals(host.getPrivileged()))
                .setUser(blankToNull(config.getUser()))
                .setCapAdd(capabilities(host.getCapAdd()))
                .setCapDrop(capabilities(host.getCapDrop()))
                .setApparmorProfile(blankToNull((String) inspect.getRawValues().get("AppArmorProfile")))
                .setSeccompProfile(securityOption(securityOptions, "seccomp").orElse(null))
                .setNoNewPrivileges(noNewPrivileges(securityOptions))
                .setReadOnlyRootFilesystem(Boolean.TRUE.equals(host.getReadonlyRootfs()))
                .setMounts(mounts)
                .setNetworkMode(blankToNull(host.getNetworkMode()))
                .setPidMode(blankToNull(host.getPidMode()))
                .setIpcMode(blankToNull(host.getIpcMode()))
                .setUtsMode(blankToNull(host.getUtSMode()))
                .setMemoryLimitBytes(positive(host.getMemory()))
                .setCpuLimit(cpuLimit(host))
                .setPidsLimit(positive(host.getPidsLimit()))
                .setRestartPolicy(host.getRestartPolicy() == null ? null
                        : blankToNull(host.getRestartPolicy().getName()))
                .setHealthCheckPresent(healthCheckPresent(config.getHealthcheck()))
                .setPublishedPorts(publishedPorts(inspect))
                .setEnvironment(environment(config.getEnv()))
                .setDockerSocketMounted(mounts.stream().anyMatch(PostureMapper::exposesDockerSocket))
                .setLabels(Optional.ofNullable(config.getLabels()).orElse(Map.of()))
                .build();
    }

    private static List<String> capabilities(Capability[] capabilities) {
        return capabilities == null ? List.of() : Arrays.stream(capabilities).map(Capability::name).toList();
    }

    /** The value of a {@code name=value} (or the legacy {@code name:value}) security option. */
    private static Optional<String> securityOption(List<String> options, String name) {
        return options.stream()
                .filter(option -> option.startsWith(name + "=") || option.startsWith(name + ":"))
                .map(option -> option.substring(name.length() + 1))
                .findFirst();
    }

    private static boolean noNewPrivileges(List<String> options) {
        return options.contains("no-new-privileges")
                || securityOption(options, "no-new-privileges").map(Boolean::parseBoolean).orElse(false);
    }

    /**
     * Read from the raw JSON because docker-java's typed mount has neither Type nor Propagation; docker-java keeps
     * every top-level field of the response among its raw values.
     */
    private static List<Mount> mounts(InspectContainerResponse inspect) {
        if (!(inspect.getRawValues().get("Mounts") instanceof List<?> mounts)) {
            return List.of();
        }
        return mounts.stream().filter(Map.class::isInstance).map(mount -> (Map<?, ?>) mount)
                .map(mount -> Mount.newBuilder()
                .setType(Objects.toString(mount.get("Type"), "bind"))
                .setSource(blankToNull((String) mount.get("Source")))
                .setDestination(Objects.toString(mount.get("Destination"), ""))
                .setReadWrite(!Boolean.FALSE.equals(mount.get("RW")))
                .setPropagation(blankToNull((String) mount.get("Propagation")))
                .build()).toList();
    }

    private static boolean exposesDockerSocket(Mount mount) {
        return mount.getSource() != null && DOCKER_SOCKET_SOURCES.contains(mount.getSource())
                || mount.getDestination().endsWith("/docker.sock");
    }

    private static Double cpuLimit(HostConfig host) {
        if (host.getNanoCPUs() != null && host.getNanoCPUs() > 0) {
            return host.getNanoCPUs() / 1e9;
        }
        if (host.getCpuQuota() != null && host.getCpuQuota() > 0) {
            // The kernel's default period is 100 ms when only a quota is set.
            long period = host.getCpuPeriod() != null && host.getCpuPeriod() > 0 ? host.getCpuPeriod() : 100_000;
            return (double) host.getCpuQuota() / period;
        }
        return null;
    }

    /** Docker merges the image's HEALTHCHECK into Config, so one look covers image and run time. */
    private static boolean healthCheckPresent(HealthCheck check) {
        return check != null && check.getTest() != null && !check.getTest().isEmpty()
                && !"NONE".equals(check.getTest().getFirst());
    }

    private static List<PublishedPort> publishedPorts(InspectContainerResponse inspect) {
        if (inspect.getNetworkSettings() == null || inspect.getNetworkSettings().getPorts() == null) {
            return List.of();
        }
        List<PublishedPort> ports = new ArrayList<>();
        inspect.getNetworkSettings().getPorts().getBindings().forEach((exposed, bindings) -> {
            if (bindings == null || bindings.length == 0) {
                ports.add(port(exposed, null, null));
            } else {
                Stream.of(bindings).forEach(binding -> ports.add(port(exposed, blankToNull(binding.getHostIp()),
                        hostPort(binding))));
            }
        });
        return ports;
    }

    private static PublishedPort port(ExposedPort exposed, String hostIp, Integer hostPort) {
        return PublishedPort.newBuilder().setContainerPort(exposed.getPort())
                .setProtocol(exposed.getProtocol().toString()).setHostIp(hostIp).setHostPort(hostPort).build();
    }

    private static Integer hostPort(Ports.Binding binding) {
        try {
            return binding.getHostPortSpec() == null ? null : Integer.valueOf(binding.getHostPortSpec());
        } catch (NumberFormatException e) {
            return null; // a range spec, which only occurs in requested bindings, not in effective ones
        }
    }

    private static List<EnvironmentVariable> environment(String[] env) {
        if (env == null) {
            return List.of();
        }
        return Arrays.stream(env).map(entry -> {
            int equals = entry.indexOf('=');
            String name = equals < 0 ? entry : entry.substring(0, equals);
            String value = equals < 0 ? null : entry.substring(equals + 1);
            return EnvironmentVariable.newBuilder().setName(name)
                    .setLooksLikeSecret(SecretHeuristics.looksLikeSecret(name, value)).build();
        }).toList();
    }

    private static Long positive(Long value) {
        return value != null && value > 0 ? value : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
