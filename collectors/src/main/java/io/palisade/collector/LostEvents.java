package io.palisade.collector;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code palisade_collector_events_lost_total{source,reason}}: what a source knows it lost before publishing, read
 * from the source's own count, so a source counts once and a scrape reads it.
 */
public final class LostEvents {

    private LostEvents() {
    }

    public static <T> void register(MeterRegistry registry, String source, String reason, T counted,
                                    ToDoubleFunction<T> count) {
        FunctionCounter.builder("palisade.collector.events.lost", counted, count)
                .description("Events a source lost before publishing them (a kernel buffer overrun or an inotify "
                        + "overflow counts once, for at least one event), by source and reason")
                .tag("source", source).tag("reason", reason).register(registry);
    }
}
