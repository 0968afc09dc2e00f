package io.palisade.collector.file;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread a source runs on: started once, stopped by a flag and an interrupt, joined with a time limit so a
 * stuck back end never holds up the agent's shutdown.
 */
final class SourceWorker {

    private static final Logger LOG = LoggerFactory.getLogger(SourceWorker.class);

    private final String source;
    private final Duration joinTimeout;
    private volatile boolean stopping;
    private Thread thread;

    /** @param source the source's name, for the thread's name and the logs */
    SourceWorker(String source, Duration joinTimeout) {
        this.source = source;
        this.joinTimeout = joinTimeout;
    }

    synchronized void start(Runnable body) {
        if (thread != null) {
            throw new IllegalStateException(source + " source already started");
        }
        thread = Thread.ofPlatform().name("palisade-" + source + "-source").daemon().start(body);
    }

    /** Whether {@link #stop()} was called; the body checks it between steps. */
    boolean stopping() {
        return stopping;
    }

    /** Asks the body to end, interrupting what it waits for, and waits until it has (at most the join timeout). */
    synchronized void stop() {
        stopping = true;
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            if (!thread.join(joinTimeout)) {
                LOG.atWarn().setMessage("Source did not stop in time").addKeyValue("source", source)
                        .addKeyValue("waited", joinTimeout).log();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
