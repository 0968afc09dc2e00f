package io.palisade.processor.correlation;

import static io.palisade.processor.correlation.Records.SHELL;
import static io.palisade.processor.correlation.Records.T0;
import static io.palisade.processor.correlation.Records.WRITE_BIN;
import static io.palisade.processor.correlation.Records.exec;
import static io.palisade.processor.correlation.Records.ruleAlert;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Correlation state survives a restart on another machine: everything a correlation remembers is in its store's
 * changelog topic. The test driver cannot restore from a topic itself, so the test does what Kafka Streams' restore
 * does: it replays the first instance's changelog records into the stores of a fresh instance, on an empty state
 * directory, and the correlations then complete as if nothing had happened.
 */
class CorrelationRestartTest {

    private static final Map<String, Serde<?>> STORES = Map.of(
            SequenceCorrelation.STORE, StateSerdes.SEQUENCE,
            ThresholdCorrelation.STORE, StateSerdes.TALLY,
            FleetCorrelation.STORE, StateSerdes.TALLY,
            FirstSeenCorrelation.STORE, StateSerdes.PROFILE,
            StatsDeviationCorrelation.BASELINES, StateSerdes.BASELINE,
            StatsDeviationCorrelation.ALERTED, Serdes.Long());

    @Test
    void halfASequenceAndALearntImageSurviveARestartFromTheChangelog(@TempDir Path before, @TempDir Path after) {
        Map<String, List<KeyValue<byte[], byte[]>>> changelogs;
        try (CorrelationHarness first = new CorrelationHarness(before, CorrelationSettings.defaults())) {
            first.ruleAlerts(ruleAlert(SHELL, "e-shell", T0, "c1"));
            first.processes(List.of(exec("nginx:1.27", "/usr/sbin/nginx", "e-1", T0)));
            assertThat(first.alerts()).isEmpty();
            changelogs = changelogs(first);
        }
        assertThat(changelogs.get(SequenceCorrelation.STORE)).hasSize(1);

        try (CorrelationHarness second = new CorrelationHarness(after, CorrelationSettings.defaults())) {
            changelogs.forEach((store, records) -> restore(second, store, records));
            second.ruleAlerts(ruleAlert(WRITE_BIN, "e-write", T0.plusSeconds(60), "c1"));
            second.processes(List.of(exec("nginx:1.27", "/usr/sbin/nginx", "e-2", T0.plus(Duration.ofHours(2))),
                    exec("nginx:1.27", "/tmp/xmrig", "e-3", T0.plus(Duration.ofHours(2)))));

            assertThat(second.alerts()).extracting(a -> a.getRule().getId())
                    .containsExactly("PAL-CORR-001", "PAL-CORR-003");
        }
    }

    private static Map<String, List<KeyValue<byte[], byte[]>>> changelogs(CorrelationHarness harness) {
        return STORES.keySet().stream().collect(java.util.stream.Collectors.toMap(store -> store,
                store -> harness.driver.createOutputTopic(
                        CorrelationHarness.APPLICATION_ID + "-" + store + "-changelog",
                        new ByteArrayDeserializer(), new ByteArrayDeserializer()).readKeyValuesToList()));
    }

    @SuppressWarnings("unchecked")
    private static <T> void restore(CorrelationHarness harness, String store, List<KeyValue<byte[], byte[]>> records) {
        Serde<T> values = (Serde<T>) STORES.get(store);
        KeyValueStore<String, T> target = harness.driver.getKeyValueStore(store);
        String topic = CorrelationHarness.APPLICATION_ID + "-" + store + "-changelog";
        records.forEach(r -> target.put(Serdes.String().deserializer().deserialize(topic, r.key),
                values.deserializer().deserialize(topic, r.value)));
    }
}
