package io.palisade.collector.stats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.DefaultDockerClientConfig;

/**
 * Reads test resources: copies of real cgroup and procfs files, and JSON captured from the real engine (API 1.41),
 * deserialized with docker-java's own object mapper, exactly as the collector receives it.
 */
public final class Fixture {

    private static final ObjectMapper DOCKER_JSON = DefaultDockerClientConfig.createDefaultConfigBuilder().build()
            .getObjectMapper();

    private Fixture() {
    }

    /** The text of resource {@code path}, e.g. {@code "stats/cgroup-v1/cpuacct.usage"}. */
    public static String text(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resource {@code path} read as the engine's JSON answer of type {@code type}. */
    public static <T> T engineJson(String path, Class<T> type) {
        try (InputStream in = open(path)) {
            return DOCKER_JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code json} read as the engine's JSON answer of type {@code type}. */
    public static <T> T parseEngineJson(String json, Class<T> type) {
        try {
            return DOCKER_JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = Fixture.class.getResourceAsStream("/" + path);
        if (in == null) {
            throw new IllegalArgumentException("no test resource " + path);
        }
        return in;
    }
}
