package io.palisade.sinks;

/**
 * A sink failed in a way retrying cannot fix (e.g. rejected credentials, a request the destination refuses). The
 * runner stops without committing, so no alert is lost: after the cause is fixed the sink resumes where it stopped.
 */
public final class SinkFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SinkFailedException(String sink, String action, Throwable cause) {
        super("sink " + sink + " cannot " + action + ": " + cause, cause);
    }
}
