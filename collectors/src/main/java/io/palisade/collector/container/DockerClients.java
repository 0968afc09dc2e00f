package io.palisade.collector.container;

import java.time.Duration;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

/**
 * Builds the docker-java client the collector talks to the engine with.
 *
 * <p>The engine address comes from {@code DOCKER_HOST} (default {@code unix:///var/run/docker.sock}), like the
 * {@code docker} CLI. The zerodep transport speaks to Unix sockets without native libraries, which keeps the agent a
 * plain JVM process.
 */
public final class DockerClients {

    private DockerClients() {
    }

    /** A client for the engine named by the environment ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, ...). */
    public static DockerClient fromEnvironment() {
        return forConfig(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
    }

    /** A client for the engine {@code config} names (tests point it at an absent socket). */
    public static DockerClient forConfig(DockerClientConfig config) {
        ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                // The events stream is a long poll: no response timeout, or the collector would drop it every minute.
                .responseTimeout(Duration.ZERO)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
