package io.palisade.rules.functions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImagesTest {

    private static final String DIGEST = "@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31";

    @Test
    void shortNamesComeFromDockerHub() {
        assertThat(Images.registry("nginx:1.27")).isEqualTo("docker.io");
        assertThat(Images.registry("acme/api")).isEqualTo("docker.io");
        assertThat(Images.registry("ghcr.io/acme/api:2")).isEqualTo("ghcr.io");
        assertThat(Images.registry("localhost:5000/api")).isEqualTo("localhost:5000");
        assertThat(Images.registry("localhost/api")).isEqualTo("localhost");
        assertThat(Images.registry(null)).isEmpty();
    }

    @Test
    void repositoryDropsTagDigestAndDockerHubPrefixes() {
        assertThat(Images.repository("docker.io/library/nginx:1.27")).isEqualTo("nginx");
        assertThat(Images.repository("nginx" + DIGEST)).isEqualTo("nginx");
        assertThat(Images.repository("registry.k8s.io/pause:3.10")).isEqualTo("registry.k8s.io/pause");
        assertThat(Images.repository("localhost:5000/api")).isEqualTo("localhost:5000/api");
    }

    @Test
    void onlyADigestPins() {
        assertThat(Images.pinnedByDigest("nginx:1.27" + DIGEST)).isTrue();
        assertThat(Images.pinnedByDigest("nginx:1.27")).isFalse();
        assertThat(Images.pinnedByDigest(null)).isFalse();
    }
}
