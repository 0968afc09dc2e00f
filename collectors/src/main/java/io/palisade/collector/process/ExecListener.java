package io.palisade.collector.process;

/**
 * Receives, on a back end's observing thread, each exec it sees. A short-lived process takes its details with it
 * when it ends, so {@link #exec} reads only what goes first; {@link #completeOne} and {@link #caughtUp} are the
 * moments for the rest, once no other exec waits for its first read.
 */
@FunctionalInterface
interface ExecListener {

    /** An exec, reported the moment the back end sees it. */
    void exec(ExecNotice notice);

    /** The back end has reported every exec it had pending and is about to wait for more. */
    default void caughtUp() {
    }

    /**
     * Does the rest of the reads of the oldest exec still waiting for them, between two looks for new execs: so a
     * back end that can look cheaply gives each new exec its first read without waiting for all the rest.
     *
     * @return whether more execs wait for the rest of their reads
     */
    default boolean completeOne() {
        return false;
    }
}
