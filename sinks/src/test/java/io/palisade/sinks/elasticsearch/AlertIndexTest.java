package io.palisade.sinks.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.palisade.schema.Alert;
import io.palisade.schema.Severity;
import io.palisade.sinks.TestAlerts;
import org.junit.jupiter.api.Test;

class AlertIndexTest {

    @Test
    void oneIndexPerUtcDayOfFirstSeen() {
        Alert alert = TestAlerts.minimalBuilder("a-1", "PAL-TEST-001", Severity.NOTICE)
                .setFirstSeen(Instant.parse("2026-03-04T23:59:59.999Z")).build();

        assertThat(AlertIndex.of(alert)).isEqualTo("palisade-alerts-2026.03.04");
    }

    @Test
    void aRepeatWithALaterLastSeenStaysInTheIndexOfItsFirstSeen() {
        Alert first = TestAlerts.minimal("a-1", "PAL-TEST-001", Severity.NOTICE);
        Alert repeat = TestAlerts.minimalBuilder("a-1", "PAL-TEST-001", Severity.NOTICE)
                .setCount(5).setLastSeen(first.getFirstSeen().plusSeconds(86_400)).build();

        assertThat(AlertIndex.of(repeat)).isEqualTo(AlertIndex.of(first));
    }
}
