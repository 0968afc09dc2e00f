package io.palisade.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsAWholeNumberAndAUnit() {
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse(" 5m ")).contains(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
        assertThat(Durations.parse("1D")).contains(Duration.ofDays(1));
    }

    @Test
    void readsIso8601ForSettingsThatHaveAlwaysTakenIt() {
        assertThat(Durations.parse("PT30S")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("pt1m")).contains(Duration.ofMinutes(1));
    }

    @Test
    void refusesWhatNamesNoUnitOrNoWholeNumber() {
        assertThat(Durations.parse("30")).isEqualTo(Optional.empty());
        assertThat(Durations.parse("1.5s")).isEmpty();
        assertThat(Durations.parse("5 minutes")).isEmpty();
        assertThat(Durations.parse("soon")).isEmpty();
    }

    @Test
    void formatsTheShortestExactShortForm() {
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(Durations.format(Duration.ofDays(1))).isEqualTo("1d");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0ms");
    }
}
