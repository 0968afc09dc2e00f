package io.palisade.collector.container;

import com.github.dockerjava.api.exception.DockerException;

/**
 * The one place that decides which Docker Engine failures are worth retrying: a 4xx
 * answer (not found, refused by an authorization plugin, bad request) is permanent; everything else, I/O errors, a
 * closed socket, an engine restarting or a 5xx answer, is transient and retried with backoff.
 */
public final class DockerErrors {

    private DockerErrors() {
    }

    public static boolean isRetriable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DockerException docker) {
                return docker.getHttpStatus() < 400 || docker.getHttpStatus() >= 500;
            }
        }
        return true;
    }
}
