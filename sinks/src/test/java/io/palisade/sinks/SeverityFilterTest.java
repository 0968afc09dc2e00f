package io.palisade.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.schema.Severity;
import org.junit.jupiter.api.Test;

class SeverityFilterTest {

    private final SeverityFilter warningOrWorse = new SeverityFilter(Severity.WARNING);

    @Test
    void acceptsTheMinimumAndAnythingMoreSevere() {
        assertThat(warningOrWorse.accepts(TestAlerts.minimal("a", "r", Severity.WARNING))).isTrue();
        assertThat(warningOrWorse.accepts(TestAlerts.minimal("a", "r", Severity.EMERGENCY))).isTrue();
    }

    @Test
    void skipsLessSevereAlerts() {
        assertThat(warningOrWorse.accepts(TestAlerts.minimal("a", "r", Severity.NOTICE))).isFalse();
        assertThat(warningOrWorse.accepts(TestAlerts.minimal("a", "r", Severity.DEBUG))).isFalse();
    }

    @Test
    void theLowestMinimumAcceptsEverything() {
        SeverityFilter all = new SeverityFilter(Severity.DEBUG);
        for (Severity severity : Severity.values()) {
            assertThat(all.accepts(TestAlerts.minimal("a", "r", severity))).as(severity.name()).isTrue();
        }
    }
}
