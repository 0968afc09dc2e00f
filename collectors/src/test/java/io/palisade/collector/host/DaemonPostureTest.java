package io.palisade.collector.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.model.Info;
import io.palisade.collector.stats.Fixture;
import io.palisade.schema.DockerDaemon;
import org.junit.jupiter.api.Test;

/** Daemon posture from {@code GET /info} captured from the test machine's engine (Docker 20.10, cgroup v1). */
class DaemonPostureTest {

    private static final Info INFO = Fixture.engineJson("host/info_docker.json", Info.class);

    @Test
    void theTestEnginesDefaults() {
        DockerDaemon daemon = DaemonPosture.from(INFO, Map.of(DaemonPosture.ICC_OPTION, "true"), Map.of());

        assertThat(daemon).isEqualTo(DockerDaemon.newBuilder()
                .setVersion("20.10.24+dfsg1").setUsernsEnabled(false).setRootless(false).setLiveRestore(false)
                .setIcc(true).setLoggingDriver("json-file").setNoNewPrivileges(false)
                .setAuthorizationPlugins(List.of()).setCgroupDriver("cgroupfs").setCgroupVersion("1")
                .setSelinuxEnabled(false).setApparmorEnabled(false).setSeccompProfile("default").build());
    }

    @Test
    void hardenedDaemon() {
        Info info = Fixture.parseEngineJson(Fixture.text("host/info_docker.json")
                        .replace("\"LiveRestoreEnabled\": false", "\"LiveRestoreEnabled\": true"), Info.class)
                .withSecurityOptions(List.of("name=apparmor", "name=seccomp,profile=builtin", "name=userns",
                        "name=selinux"))
                .withPlugins(Map.of("Authorization", List.of("opa-docker-authz")));

        DockerDaemon daemon = DaemonPosture.from(info, Map.of(DaemonPosture.ICC_OPTION, "false"),
                Map.of("no-new-privileges", true, "icc", true));

        assertThat(daemon.getUsernsEnabled()).isTrue();
        assertThat(daemon.getApparmorEnabled()).isTrue();
        assertThat(daemon.getSelinuxEnabled()).isTrue();
        assertThat(daemon.getSeccompProfile()).isEqualTo("builtin");
        assertThat(daemon.getLiveRestore()).isTrue();
        assertThat(daemon.getIcc()).as("the bridge's effective option wins over the file").isFalse();
        assertThat(daemon.getNoNewPrivileges()).isTrue();
        assertThat(daemon.getAuthorizationPlugins()).containsExactly("opa-docker-authz");
    }

    @Test
    void withoutADefaultBridgeIccComesFromTheFileAndNoSeccompMeansNull() {
        Info info = Fixture.engineJson("host/info_docker.json", Info.class).withSecurityOptions(List.of());

        DockerDaemon daemon = DaemonPosture.from(info, Map.of(), Map.of("icc", false));

        assertThat(daemon.getIcc()).isFalse();
        assertThat(daemon.getSeccompProfile()).isNull();
    }
}
