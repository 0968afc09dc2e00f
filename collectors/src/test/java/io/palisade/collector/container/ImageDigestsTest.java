package io.palisade.collector.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ImageDigestsTest {

    private static final String NGINX = "sha256:" + "a1".repeat(32);
    private static final String MIRROR = "sha256:" + "b2".repeat(32);

    @Test
    void theDigestOfTheContainersOwnRepositoryIsChosen() {
        List<String> repoDigests = List.of("mirror.example:5000/library/nginx@" + MIRROR, "nginx@" + NGINX);

        assertThat(ImageDigests.choose(repoDigests, "nginx:1.27")).isEqualTo(NGINX);
        assertThat(ImageDigests.choose(repoDigests, "mirror.example:5000/library/nginx:1.27")).isEqualTo(MIRROR);
        assertThat(ImageDigests.choose(repoDigests, "nginx@" + NGINX)).isEqualTo(NGINX);
    }

    @Test
    void anImageFromAnotherRepositoryNameGetsItsFirstDigest() {
        assertThat(ImageDigests.choose(List.of("nginx@" + NGINX), "sha256:" + "c3".repeat(32))).isEqualTo(NGINX);
    }

    @Test
    void anImageNeverPushedOrPulledHasNoDigest() {
        assertThat(ImageDigests.choose(List.of(), "local/busybox:1")).isNull();
        assertThat(ImageDigests.choose(null, "local/busybox:1")).isNull();
    }

    @Test
    void aRegistryPortIsNotATag() {
        String repository = "registry.example:5000/team/app";

        assertThat(ImageDigests.repositoryOf(repository)).isEqualTo(repository);
        assertThat(ImageDigests.repositoryOf(repository + ":1.2")).isEqualTo(repository);
    }
}
