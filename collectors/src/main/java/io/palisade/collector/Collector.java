package io.palisade.collector;

/**
 * One source of host events (container, and later process, file integrity, stats). Every source runs on its own
 * threads and hands what it sees to an {@link EventSink}, so a source that is stuck, for example waiting for an
 * absent Docker Engine, never holds up the others.
 */
public interface Collector extends AutoCloseable {

    /** Short name of the source, used in logs and in the configuration ({@code "container"}, ...). */
    String name();

    /**
     * Starts observing and returns at once; what is observed goes to {@code sink}. A source whose back end is
     * unavailable keeps retrying in the background instead of failing here.
     */
    void start(EventSink sink);

    /** Stops observing and releases the back end; returns when the source's threads have ended. */
    @Override
    void close();
}
