package io.palisade.collector.container;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.core.DefaultDockerClientConfig;

/**
 * Reads {@code fixtures/<action>_<source>.json}: JSON captured from the real engine (API 1.41), deserialized with
 * docker-java's own object mapper, exactly as the collector receives it.
 */
final class Fixtures {

    private static final ObjectMapper DOCKER_JSON = DefaultDockerClientConfig.createDefaultConfigBuilder().build()
            .getObjectMapper();

    private Fixtures() {
    }

    static InspectContainerResponse inspect(String name) {
        return read(name, InspectContainerResponse.class);
    }

    static Event event(String name) {
        return read(name, Event.class);
    }

    private static <T> T read(String name, Class<T> type) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return DOCKER_JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
