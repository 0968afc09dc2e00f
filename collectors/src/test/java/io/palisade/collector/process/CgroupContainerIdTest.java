package io.palisade.collector.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads src/test/resources/process/cgroup/&lt;runtime&gt;_&lt;driver&gt;-&lt;version&gt;.txt, /proc/&lt;pid&gt;/cgroup as hosts show it. */
class CgroupContainerIdTest {

    private static final String DOCKER_HERE = "b33a2f22fef0b8fd4d628698180b73dfe79b73940dc8ab29e0886f60ec1c0325";
    private static final String OTHER = "4c0f5d2e9a7b8c6d1e3f5a7b9c0d2e4f6a8b0c1d3e5f7a9b1c3d5e7f9a0b2c4d";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "docker_cgroupfs-v1.txt, " + DOCKER_HERE,
            "docker_systemd-v2.txt, " + OTHER,
            "containerd-cri_systemd-v2.txt, " + OTHER,
            "containerd-cri_cgroupfs-v1.txt, " + OTHER,
    })
    void containerProcessesNameTheirContainer(String fixture, String containerId) throws IOException {
        assertThat(CgroupContainerId.parse(fixture(fixture))).contains(containerId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"host_sandbox-v1.txt", "host_systemd-v2.txt"})
    void hostProcessesHaveNoContainer(String fixture) throws IOException {
        // host_sandbox-v1 has a 32-hex-digit cgroup of its own (process_api/<id>), which is no container id.
        assertThat(CgroupContainerId.parse(fixture(fixture))).isEmpty();
    }

    @Test
    void theInnermostContainerWinsWhenContainersNest() {
        String nested = "0::/docker/" + OTHER + "/docker/" + DOCKER_HERE + "\n";
        assertThat(CgroupContainerId.parse(nested)).contains(DOCKER_HERE);
    }

    @Test
    void crioAndPodmanScopesAreContainersButNotTheirMonitors() {
        assertThat(CgroupContainerId.parse("0::/machine.slice/libpod-" + OTHER + ".scope\n")).contains(OTHER);
        assertThat(CgroupContainerId.parse("0::/kubepods.slice/crio-" + OTHER + ".scope\n")).contains(OTHER);
        assertThat(CgroupContainerId.parse("0::/kubepods.slice/crio-conmon-" + OTHER + ".scope\n")).isEmpty();
    }

    @Test
    void unreadableContentIsNoContainer() {
        assertThat(CgroupContainerId.parse("")).isEqualTo(Optional.empty());
        assertThat(CgroupContainerId.parse("garbage without colons " + OTHER)).isEmpty();
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = CgroupContainerIdTest.class.getResourceAsStream("/process/cgroup/" + name)) {
            assertThat(in).as("fixture " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
