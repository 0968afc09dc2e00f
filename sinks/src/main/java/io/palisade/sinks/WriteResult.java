package io.palisade.sinks;

import java.util.List;

/**
 * What a sink could not write from one batch; every record of the batch not named here was written.
 *
 * @param failures the records that failed, in batch order
 */
public record WriteResult(List<Failure> failures) {

    private static final WriteResult ALL_WRITTEN = new WriteResult(List.of());

    public WriteResult {
        failures = List.copyOf(failures);
    }

    public static WriteResult allWritten() {
        return ALL_WRITTEN;
    }

    /** The failures worth another attempt after a backoff. */
    public List<Failure> retriableFailures() {
        return failures.stream().filter(Failure::retriable).toList();
    }

    /** The failed records that will never be written; they belong in the dead-letter topic. */
    public List<Failure> permanentFailures() {
        return failures.stream().filter(failure -> !failure.retriable()).toList();
    }

    /**
     * One record that was not written.
     *
     * @param record     the record
     * @param reason     why, for a person (goes to {@code DeadLetter.reason})
     * @param errorType  the destination's error type or the exception class (goes to {@code DeadLetter.error_class})
     * @param retriable  true when the same write may succeed later (throttled, server error)
     */
    public record Failure(SinkRecord record, String reason, String errorType, boolean retriable) {
    }
}
