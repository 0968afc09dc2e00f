package io.palisade.cli.quickstart;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One snapshot of the running quickstart, shown once a second.
 *
 * @param eventsPerSecond events the processor read in the last second
 * @param eventsTotal     events the processor read since the start
 * @param alerts          alerts shown so far (updates included)
 * @param processorState  the Kafka Streams state of the processor, e.g. RUNNING or ERROR
 * @param sinkStates      each sink's state by name, e.g. "running" or "stopped: ..."
 */
public record Status(double eventsPerSecond, long eventsTotal, long alerts, String processorState,
                     Map<String, String> sinkStates) {

    /**
     * One line, e.g.
     * {@code events/s 12.0 (total 340)  alerts 3  processor RUNNING  sinks: elasticsearch running, s3 running}.
     */
    public String line() {
        String sinks = sinkStates.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "events/s %.1f (total %d)  alerts %d  processor %s  sinks: %s",
                eventsPerSecond, eventsTotal, alerts, processorState, sinks);
    }
}
