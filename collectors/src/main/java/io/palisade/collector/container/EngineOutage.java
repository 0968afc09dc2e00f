package io.palisade.collector.container;

import java.time.Duration;

import io.palisade.runtime.Backoff;
import io.palisade.runtime.Retries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One source's view of the Docker Engine being away (not started yet, restarting, refusing the collector): how long
 * to wait before the next attempt, and what to log. The first failure of an outage is logged at WARN with what the
 * source does meanwhile, later attempts at DEBUG so a long outage does not flood the log, and its end at INFO. Used by
 * the one thread of its source.
 */
public final class EngineOutage {

    private static final Logger LOG = LoggerFactory.getLogger(EngineOutage.class);
    /** 1 s, doubling up to a minute: quick while the engine restarts, cheap while it stays away. */
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    private final String source;
    private final String meanwhile;
    private final Retries retries;

    /**
     * @param source    the source's name, e.g. {@code "stats"}
     * @param meanwhile what the source does until the engine is back, e.g. {@code "host totals go on"}
     */
    public EngineOutage(String source, String meanwhile) {
        this(source, meanwhile, BACKOFF);
    }

    /** As above, with its own delays between attempts. */
    public EngineOutage(String source, String meanwhile, Backoff backoff) {
        this.source = source;
        this.meanwhile = meanwhile;
        this.retries = backoff.retries();
    }

    /** Counts a failed attempt, logs it, and returns the delay before the next one. */
    public Duration failed(Throwable error) {
        Duration delay = retries.next();
        var log = retries.attempts() == 1 ? LOG.atWarn() : LOG.atDebug();
        log.setMessage(DockerErrors.isRetriable(error) ? "Docker Engine unavailable; retrying"
                        : "Docker Engine refused the collector; retrying in case the operator fixes it")
                .addKeyValue("source", source).addKeyValue("meanwhile", meanwhile)
                .addKeyValue("attempt", retries.attempts()).addKeyValue("retryIn", delay)
                .addKeyValue("error", error.toString()).log();
        return delay;
    }

    /** The engine answered: ends the outage, if there was one, with a line saying so. */
    public void over() {
        if (retries.attempts() > 0) {
            LOG.atInfo().setMessage("Docker Engine back").addKeyValue("source", source)
                    .addKeyValue("afterFailedAttempts", retries.attempts()).log();
            retries.reset();
        }
    }
}
