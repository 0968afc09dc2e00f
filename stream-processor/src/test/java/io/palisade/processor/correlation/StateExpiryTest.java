package io.palisade.processor.correlation;

import static io.palisade.processor.correlation.Records.HIGH_CPU;
import static io.palisade.processor.correlation.Records.SHELL;
import static io.palisade.processor.correlation.Records.T0;
import static io.palisade.processor.correlation.Records.ruleAlert;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;

/** Windowed state is dropped once event time has moved past its window, so stores stay as small as the live set. */
class StateExpiryTest extends CorrelationTestSupport {

    @Test
    void entriesWhoseWindowEventTimeHasLeftAreDroppedAndLiveOnesKept() {
        harness.ruleAlerts(ruleAlert(SHELL, "e-old-shell", T0, "c-old"),
                ruleAlert(HIGH_CPU, "e-old-cpu", T0, "c-old"),
                ruleAlert(SHELL, "e-new-shell", T0.plus(Duration.ofHours(1)), "c-new"),
                ruleAlert(HIGH_CPU, "e-new-cpu", T0.plus(Duration.ofHours(1)), "c-new"));

        harness.driver.advanceWallClockTime(CorrelationProcessor.PURGE_INTERVAL);

        assertThat(keys(SequenceCorrelation.STORE)).singleElement().asString().endsWith("c-new");
        assertThat(keys(ThresholdCorrelation.STORE)).singleElement().asString().endsWith("c-new");
        assertThat(keys(FleetCorrelation.STORE)).containsExactlyInAnyOrder(SHELL, HIGH_CPU);
    }

    private List<String> keys(String store) {
        KeyValueStore<String, Object> kv = harness.driver.getKeyValueStore(store);
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Object> all = kv.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }
}
