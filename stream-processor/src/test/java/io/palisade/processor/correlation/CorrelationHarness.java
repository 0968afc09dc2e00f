package io.palisade.processor.correlation;

import java.nio.file.Path;
import java.util.List;

import io.palisade.processor.StreamsSettings;
import io.palisade.schema.Alert;
import io.palisade.schema.ContainerStats;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * A topology of just the correlations, on a {@link TopologyTestDriver}: rule alerts, enriched processes and enriched
 * stats in, correlation alerts out. Inputs are keyed by something unrelated on purpose, as the real topology may.
 */
final class CorrelationHarness implements AutoCloseable {

    static final String APPLICATION_ID = "correlation-test";
    private static final String RULE_ALERTS = "test.rule-alerts";
    private static final String PROCESSES = "test.enriched-processes";
    private static final String STATS = "test.enriched-stats";
    private static final String OUTPUT = "test.correlation-alerts";

    final TopologyTestDriver driver;
    private final TestInputTopic<String, Alert> ruleAlerts;
    private final TestInputTopic<String, ProcessEvent> processes;
    private final TestInputTopic<String, ContainerStats> stats;
    private final TestOutputTopic<String, Alert> output;

    CorrelationHarness(Path stateDir, CorrelationSettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        Correlations.attach(builder,
                        builder.stream(RULE_ALERTS, Consumed.with(Serdes.String(), Topics.ALERTS.valueSerde())),
                        builder.stream(PROCESSES, Consumed.with(Serdes.String(), Topics.PROCESS_EVENTS.valueSerde())),
                        builder.stream(STATS, Consumed.with(Serdes.String(), Topics.CONTAINER_STATS.valueSerde())),
                        settings)
                .to(OUTPUT, Produced.with(Serdes.String(), Topics.ALERTS.valueSerde()));
        driver = new TopologyTestDriver(builder.build(), StreamsSettings.of("unused:9092", APPLICATION_ID, stateDir, 1));
        ruleAlerts = driver.createInputTopic(RULE_ALERTS, new StringSerializer(), Topics.ALERTS.valueSerde().serializer());
        processes = driver.createInputTopic(PROCESSES, new StringSerializer(),
                Topics.PROCESS_EVENTS.valueSerde().serializer());
        stats = driver.createInputTopic(STATS, new StringSerializer(), Topics.CONTAINER_STATS.valueSerde().serializer());
        output = driver.createOutputTopic(OUTPUT, new StringDeserializer(), Topics.ALERTS.valueSerde().deserializer());
    }

    void ruleAlerts(Alert... alerts) {
        for (Alert alert : alerts) {
            ruleAlerts.pipeInput(alert.getId(), alert, alert.getFirstSeen());
        }
    }

    void processes(List<ProcessEvent> events) {
        events.forEach(e -> processes.pipeInput(e.getEvent().getId(), e, e.getEvent().getCreated()));
    }

    void stats(List<ContainerStats> samples) {
        samples.forEach(s -> stats.pipeInput(s.getHost().getId(), s, s.getEvent().getCreated()));
    }

    /** Every correlation alert written since the last call, checking each is keyed by its id. */
    List<Alert> alerts() {
        return output.readKeyValuesToList().stream().peek(kv -> {
            if (!kv.key.equals(kv.value.getId())) {
                throw new AssertionError("alert keyed by " + kv.key + " but its id is " + kv.value.getId());
            }
        }).map(kv -> kv.value).toList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
