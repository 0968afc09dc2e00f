package io.palisade.collector.stats;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the periodic sources (stats, host) stop their threads and their engine client. */
public final class Shutdowns {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdowns.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private Shutdowns() {
    }

    /** Interrupts {@code threads} and waits up to ten seconds for them to end; says so when they do not. */
    public static void stop(ExecutorService threads, String source) {
        threads.shutdownNow();
        try {
            if (!threads.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.atWarn().setMessage("Source did not stop in time").addKeyValue("source", source)
                        .addKeyValue("waited", STOP_TIMEOUT).log();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes {@code docker} if it was ever created; a failure to close only matters for debugging. */
    public static void close(DockerClient docker) {
        if (docker == null) {
            return;
        }
        try {
            docker.close();
        } catch (IOException e) {
            LOG.atDebug().setMessage("Closing the Docker client failed").setCause(e).log();
        }
    }
}
