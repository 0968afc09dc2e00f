package io.palisade.collector.stats;

import java.io.IOException;

import com.github.dockerjava.api.DockerClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the periodic sources (stats, host) let go of their engine client. */
public final class Shutdowns {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdowns.class);

    private Shutdowns() {
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
