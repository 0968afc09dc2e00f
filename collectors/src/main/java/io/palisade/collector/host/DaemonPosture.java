package io.palisade.collector.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.dockerjava.api.model.Info;
import io.palisade.schema.DockerDaemon;

/**
 * The Docker daemon's security settings as Docker Bench section 2 judges them, from what the engine says about itself
 * ({@code docker info}, the default bridge network's options) and, for what it does not say, the daemon's
 * configuration file. Pure.
 */
public final class DaemonPosture {

    /** The default bridge's option that carries the effective {@code icc} setting, flags and daemon.json alike. */
    static final String ICC_OPTION = "com.docker.network.bridge.enable_icc";

    private DaemonPosture() {
    }

    /**
     * @param info          the engine's {@code GET /info}
     * @param bridgeOptions options of the default {@code bridge} network; empty when it does not exist
     * @param daemonJson    the parsed daemon.json; empty when absent or unreadable
     */
    public static DockerDaemon from(Info info, Map<String, String> bridgeOptions, Map<String, Object> daemonJson) {
        List<String> securityOptions = info.getSecurityOptions() == null ? List.of() : info.getSecurityOptions();
        return DockerDaemon.newBuilder()
                .setVersion(Optional.ofNullable(info.getServerVersion()).orElse("unknown"))
                .setUsernsEnabled(hasOption(securityOptions, "userns"))
                .setRootless(hasOption(securityOptions, "rootless"))
                .setLiveRestore(Boolean.TRUE.equals(info.getRawValues().get("LiveRestoreEnabled")))
                .setIcc(icc(bridgeOptions, daemonJson))
                .setLoggingDriver(Optional.ofNullable(info.getLoggingDriver()).orElse("json-file"))
                // docker info does not show it; only the configuration file (or the command line) sets it
                .setNoNewPrivileges(Boolean.TRUE.equals(daemonJson.get("no-new-privileges")))
                .setAuthorizationPlugins(info.getPlugins() == null || info.getPlugins().get("Authorization") == null
                        ? List.of() : List.copyOf(info.getPlugins().get("Authorization")))
                .setCgroupDriver(info.getCGroupDriver())
                .setCgroupVersion(info.getCGroupVersion())
                .setSelinuxEnabled(hasOption(securityOptions, "selinux"))
                .setApparmorEnabled(hasOption(securityOptions, "apparmor"))
                .setSeccompProfile(seccompProfile(securityOptions))
                .build();
    }

    private static boolean icc(Map<String, String> bridgeOptions, Map<String, Object> daemonJson) {
        if (bridgeOptions.containsKey(ICC_OPTION)) {
            return Boolean.parseBoolean(bridgeOptions.get(ICC_OPTION));
        }
        return !Boolean.FALSE.equals(daemonJson.get("icc")); // Docker's default is on
    }

    /** Security options read {@code name=seccomp,profile=default}; engines before API 1.26 wrote a bare name. */
    private static boolean hasOption(List<String> securityOptions, String name) {
        return securityOptions.stream().anyMatch(option -> option.equals(name)
                || option.equals("name=" + name) || option.startsWith("name=" + name + ","));
    }

    private static String seccompProfile(List<String> securityOptions) {
        for (String option : securityOptions) {
            if (option.equals("seccomp") || option.equals("name=seccomp")) {
                return "default";
            }
            if (option.startsWith("name=seccomp,")) {
                for (String part : option.split(",")) {
                    if (part.startsWith("profile=")) {
                        return part.substring("profile=".length());
                    }
                }
                return "default";
            }
        }
        return null;
    }
}
