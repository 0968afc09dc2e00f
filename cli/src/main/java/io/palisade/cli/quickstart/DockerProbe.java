package io.palisade.cli.quickstart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.dockerjava.api.DockerClient;
import io.palisade.collector.container.DockerClients;

/** Whether a Docker Engine answers where the collector will look for one (DOCKER_HOST, else the default socket). */
final class DockerProbe {

    private static final long TIMEOUT_SECONDS = 10;

    private DockerProbe() {
    }

    /** Where the engine is looked for, as the docker CLI would. */
    static String engineAddress() {
        String host = System.getenv("DOCKER_HOST");
        return host == null || host.isBlank() ? "unix:///var/run/docker.sock" : host;
    }

    /** Empty when the engine answers a ping; else why not, for the user. */
    static Optional<String> unavailable() {
        CompletableFuture<Void> ping = CompletableFuture.runAsync(() -> {
            try (DockerClient client = DockerClients.fromEnvironment()) {
                client.pingCmd().exec();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            ping.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            ping.cancel(true);
            return Optional.of("no Docker Engine answered at " + engineAddress() + " within " + TIMEOUT_SECONDS + " s");
        } catch (ExecutionException e) {
            return Optional.of("no Docker Engine at " + engineAddress() + " (" + e.getCause().getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("Docker Engine check interrupted");
        }
    }
}
