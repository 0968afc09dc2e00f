package io.palisade.processor.inventory;

import java.util.ArrayList;
import java.util.List;

import io.palisade.schema.DockerDaemon;

/**
 * The Docker daemon posture of one host, summarised: the settings that matter for container breakout, and
 * {@code weaknesses}, a plain-words list of the hardening that is missing (empty for a hardened daemon).
 * {@code reported} is false when the host's collector could not read the daemon (the other fields are then empty).
 */
public record DockerPosture(boolean reported, String version, boolean rootless, boolean usernsEnabled,
                            boolean liveRestore, boolean icc, boolean noNewPrivileges,
                            List<String> authorizationPlugins, String seccompProfile, boolean apparmorEnabled,
                            boolean selinuxEnabled, List<String> weaknesses) {

    static DockerPosture of(DockerDaemon daemon, List<String> dockerGroupMembers) {
        if (daemon == null) {
            return new DockerPosture(false, null, false, false, false, false, false, List.of(), null, false, false,
                    List.of("docker daemon not reported"));
        }
        List<String> weaknesses = new ArrayList<>();
        if (!daemon.getRootless() && !daemon.getUsernsEnabled()) {
            weaknesses.add("root in a container is root on the host (neither rootless nor userns-remap)");
        }
        if (daemon.getAuthorizationPlugins().isEmpty()) {
            weaknesses.add("no authorization plugin");
        }
        if (daemon.getIcc()) {
            weaknesses.add("inter-container communication on the default bridge (icc)");
        }
        if (!daemon.getNoNewPrivileges()) {
            weaknesses.add("no-new-privileges not the default");
        }
        if (!daemon.getApparmorEnabled() && !daemon.getSelinuxEnabled()) {
            weaknesses.add("neither AppArmor nor SELinux");
        }
        if (!dockerGroupMembers.isEmpty()) {
            weaknesses.add("docker group members (root-equivalent): " + String.join(", ", dockerGroupMembers));
        }
        return new DockerPosture(true, daemon.getVersion(), daemon.getRootless(), daemon.getUsernsEnabled(),
                daemon.getLiveRestore(), daemon.getIcc(), daemon.getNoNewPrivileges(),
                List.copyOf(daemon.getAuthorizationPlugins()), daemon.getSeccompProfile(),
                daemon.getApparmorEnabled(), daemon.getSelinuxEnabled(), List.copyOf(weaknesses));
    }
}
