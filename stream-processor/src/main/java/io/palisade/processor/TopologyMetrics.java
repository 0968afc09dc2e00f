package io.palisade.processor;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.palisade.schema.Alert;
import io.palisade.schema.DeadLetter;

/**
 * What the topology counts on its way out: alert records written to palisade.alerts by rule and severity, and dead
 * letters written to palisade.deadletter by source topic and reason. Counted as records pass, so a transaction
 * aborted and processed again after a crash counts twice: a rate to watch, not a ledger.
 */
final class TopologyMetrics {

    /** Why the topology itself dead-letters a record: its bytes could not be decoded. */
    static final String UNREADABLE = "unreadable";
    /** Why {@link DeadLetterOnProcessingError} does: a processor threw on a readable record. */
    static final String PROCESSING_ERROR = "processing_error";

    private final MeterRegistry registry;

    TopologyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void alertWritten(Alert alert) {
        Counter.builder("palisade.processor.alerts")
                .description("Alert records written to palisade.alerts: first occurrences and suppression updates")
                .tag("rule", alert.getRule().getId())
                .tag("severity", alert.getRule().getSeverity().name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    void deadLettered(DeadLetter letter, String reason) {
        Counter.builder("palisade.processor.dead.letters")
                .description("Records the processor sent to palisade.deadletter")
                .tag("topic", letter.getSourceTopic()).tag("reason", reason)
                .register(registry).increment();
    }
}
