package io.palisade.processor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.palisade.processor.support.AlertIds;
import io.palisade.rules.Finding;
import io.palisade.schema.Alert;
import io.palisade.schema.Rule;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns a rule's finding on one event into an {@link Alert}: metadata from the rule, context from the event, an id
 * that depends only on rule, dedup key and event-time window.
 */
final class AlertFactory {

    private final Duration window;

    /** @param window repeats of a finding within one window of event time share an alert id */
    AlertFactory(Duration window) {
        this.window = window;
    }

    Alert alert(Finding finding, SpecificRecord event) {
        EvidenceView evidence = EvidenceView.of(event);
        Instant seen = evidence.eventTime();
        return Alert.newBuilder()
                .setId(AlertIds.of(finding.rule().id(), finding.dedupKey(), AlertIds.windowStart(seen, window)))
                .setRule(Rule.newBuilder().setId(finding.rule().id()).setName(finding.rule().name())
                        .setSeverity(finding.rule().severity()).build())
                .setTags(finding.rule().tags())
                .setThreat(finding.rule().threat().orElse(null))
                .setMessage(finding.message())
                .setFirstSeen(seen)
                .setLastSeen(seen)
                .setCount(1L)
                .setHost(evidence.host())
                .setContainer(evidence.container())
                .setProcess(evidence.process())
                .setUser(evidence.user())
                .setFile(evidence.file())
                .setEvidenceEventIds(List.of(evidence.eventId()))
                .build();
    }
}
