package io.palisade.processor;

import java.util.ArrayList;
import java.util.List;

import io.palisade.rules.Finding;
import io.palisade.rules.RuleEngine;
import io.palisade.schema.Alert;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Evaluates the rules on one enriched event and forwards one alert (count 1) per finding, keyed by the alert's
 * deterministic id and stamped with the event's time, so that everything downstream (suppression windows, stream time)
 * runs on event time.
 */
final class RuleEvaluator implements Processor<String, EnrichedEvent, String, Alert> {

    /** Tag on an alert whose event concerns a container the inventory did not know within the enrichment wait. */
    static final String INVENTORY_MISSING_TAG = "palisade_inventory_missing";

    private final RuleEngine rules;
    private final AlertFactory alerts;
    private ProcessorContext<String, Alert> context;

    RuleEvaluator(RuleEngine rules, AlertFactory alerts) {
        this.rules = rules;
        this.alerts = alerts;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, EnrichedEvent> record) {
        EnrichedEvent enriched = record.value();
        for (Finding finding : rules.evaluate(enriched.facts())) {
            Alert alert = alerts.alert(finding, enriched.event());
            if (enriched.inventoryMissing()) {
                List<String> tags = new ArrayList<>(alert.getTags());
                tags.add(INVENTORY_MISSING_TAG);
                alert = Alert.newBuilder(alert).setTags(tags).build();
            }
            context.forward(new Record<>(alert.getId(), alert, alert.getLastSeen().toEpochMilli(), record.headers()));
        }
    }
}
