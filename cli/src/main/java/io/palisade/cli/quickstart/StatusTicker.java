package io.palisade.cli.quickstart;

import java.util.function.LongSupplier;

/** Builds the quickstart's status once a second from the running pipeline. */
public final class StatusTicker {

    private final QuickstartPipeline pipeline;
    private final ProcessedEvents processed;
    private final LongSupplier alertsShown;

    public StatusTicker(QuickstartPipeline pipeline, LongSupplier alertsShown) {
        this.pipeline = pipeline;
        this.processed = new ProcessedEvents(pipeline.processor());
        this.alertsShown = alertsShown;
    }

    /** The status now; the events rate is over the time since the previous call. */
    public Status next() {
        long total = processed.total();
        return new Status(processed.ratePerSecond(total), total, alertsShown.getAsLong(),
                pipeline.processor().state().name(), pipeline.sinkStates());
    }
}
