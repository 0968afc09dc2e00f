package io.palisade.devstack;

/**
 * What tests that run real containers need from the environment: a Docker Engine ({@code DOCKER_HOST}) and the name
 * of an image they may run without pulling ({@code PALISADE_TEST_IMAGE}).
 *
 * <p>On machines without a registry, {@code devstack/docker-engine/start.sh} starts an engine and imports
 * such an image; {@code .ci/run} does that when no engine answers.
 */
public final class DockerEnvironment {

    private static final String HOW_TO = "Container tests need a Docker Engine: export DOCKER_HOST (e.g. "
            + "unix:///var/run/docker.sock) and PALISADE_TEST_IMAGE (an image present locally that has /bin/sh, "
            + "e.g. busybox:1), or, as root, run: eval \"$(devstack/docker-engine/start.sh)\"";

    private DockerEnvironment() {
    }

    /** The image tests run their throw-away containers from. */
    public static String testImage() {
        String image = System.getenv("PALISADE_TEST_IMAGE");
        if (image == null || image.isBlank()) {
            throw new IllegalStateException("PALISADE_TEST_IMAGE is not set. " + HOW_TO);
        }
        if (System.getenv("DOCKER_HOST") == null) {
            throw new IllegalStateException("DOCKER_HOST is not set. " + HOW_TO);
        }
        return image;
    }
}
