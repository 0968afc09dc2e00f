package io.palisade.collector.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.schema.ContainerPosture;
import io.palisade.schema.EnvironmentVariable;
import io.palisade.schema.Mount;
import io.palisade.schema.PublishedPort;
import org.junit.jupiter.api.Test;

/** {@code docker inspect} output captured from the real engine → posture. */
class PostureMapperTest {

    /** {@code docker run --privileged -v /var/run:/host/var/run -v /proc:/host/proc:ro -e SECRET_TOKEN=abc ...}. */
    @Test
    void privilegedContainerWithHostMountsAndSecrets() {
        ContainerPosture posture = PostureMapper.map(Fixtures.inspect("start_docker-privileged.json"));

        assertThat(posture.getPrivileged()).isTrue();
        assertThat(posture.getMounts()).containsExactly(
                new Mount("bind", "/var/run", "/host/var/run", true, "rprivate"),
                new Mount("bind", "/proc", "/host/proc", false, "rprivate"));
        assertThat(posture.getDockerSocketMounted()).as("/var/run holds docker.sock").isTrue();
        assertThat(posture.getEnvironment()).containsExactly(
                new EnvironmentVariable("SECRET_TOKEN", true),
                new EnvironmentVariable("PATH_EXTRA", false),
                new EnvironmentVariable("DB_PASSWORD", true));
        assertThat(posture.getLabels()).containsEntry("team", "payments");
        assertThat(posture.getUser()).isNull();
        assertThat(posture.getCapAdd()).isEmpty();
        assertThat(posture.getNoNewPrivileges()).isFalse();
        assertThat(posture.getSeccompProfile()).isNull();
        assertThat(posture.getReadOnlyRootFilesystem()).isFalse();
        assertThat(posture.getMemoryLimitBytes()).isNull();
        assertThat(posture.getCpuLimit()).isNull();
        assertThat(posture.getPidsLimit()).isNull();
        assertThat(posture.getRestartPolicy()).isEqualTo("no");
        assertThat(posture.getHealthCheckPresent()).isFalse();
        assertThat(posture.getPublishedPorts()).isEmpty();
        assertThat(posture.getNetworkMode()).isEqualTo("default");
        assertThat(posture.getPidMode()).isNull();
        assertThat(posture.getIpcMode()).isEqualTo("private");
    }

    /**
     * {@code docker run --read-only --cap-drop ALL --cap-add NET_BIND_SERVICE --security-opt no-new-privileges
     * --security-opt seccomp=unconfined --memory 64m --cpus 0.5 --pids-limit 100 -p 127.0.0.1:8080:80/tcp
     * --health-cmd true --user 1000:1000 --restart unless-stopped -v fxdata:/data:ro ...}.
     */
    @Test
    void hardenedContainerWithLimitsPortsAndVolume() {
        ContainerPosture posture = PostureMapper.map(Fixtures.inspect("start_docker-hardened.json"));

        assertThat(posture.getPrivileged()).isFalse();
        assertThat(posture.getUser()).isEqualTo("1000:1000");
        assertThat(posture.getCapAdd()).containsExactly("NET_BIND_SERVICE");
        assertThat(posture.getCapDrop()).containsExactly("ALL");
        assertThat(posture.getNoNewPrivileges()).isTrue();
        assertThat(posture.getSeccompProfile()).isEqualTo("unconfined");
        assertThat(posture.getApparmorProfile()).as("this host has no AppArmor").isNull();
        assertThat(posture.getReadOnlyRootFilesystem()).isTrue();
        assertThat(posture.getMemoryLimitBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(posture.getCpuLimit()).isEqualTo(0.5);
        assertThat(posture.getPidsLimit()).isEqualTo(100L);
        assertThat(posture.getRestartPolicy()).isEqualTo("unless-stopped");
        assertThat(posture.getHealthCheckPresent()).isTrue();
        assertThat(posture.getPublishedPorts()).containsExactly(new PublishedPort(80, "tcp", "127.0.0.1", 8080));
        assertThat(posture.getMounts()).containsExactly(new Mount("volume",
                "/tmp/palisade-dockerd/data/volumes/fxdata/_data", "/data", false, null));
        assertThat(posture.getDockerSocketMounted()).isFalse();
        assertThat(posture.getEnvironment()).containsExactly(
                new EnvironmentVariable("AWS_ACCESS_KEY_ID", true),
                new EnvironmentVariable("GREETING", false));
    }

    @Test
    void environmentValuesNeverReachThePosture() {
        ContainerPosture posture = PostureMapper.map(Fixtures.inspect("start_docker-privileged.json"));

        assertThat(posture.toString()).doesNotContain("abc", "hunter2", "/opt/bin");
    }
}
