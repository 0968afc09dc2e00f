package io.palisade.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.processor.support.AlertIds;
import io.palisade.rules.RuleEngine;
import io.palisade.schema.Alert;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.Samples;
import io.palisade.schema.Severity;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertTopologyTest {

    private static final RuleEngine RULES = RuleEngine.load(List.of());

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ContainerEvent> containerEvents;
    private TestOutputTopic<String, Alert> alerts;

    @BeforeEach
    void start() {
        driver = new TopologyTestDriver(SecurityTopology.build(ProcessorConfig.defaults(), RULES, Clock.systemUTC(), meters),
                StreamsSettings.of("unused:9092", "test", stateDir, 1));
        containerEvents = driver.createInputTopic(Topics.CONTAINER_EVENTS.name(), new StringSerializer(),
                Topics.CONTAINER_EVENTS.valueSerde().serializer());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aPrivilegedContainerRaisesAnAlertKeyedByItsIdThatQuotesTheContainerAndTheEvent() {
        ContainerEvent privileged = Samples.containerEvent();

        containerEvents.pipeInput(privileged.getContainer().getId(), privileged);

        Alert alert = alerts.readKeyValuesToMap().values().stream()
                .filter(a -> a.getRule().getId().equals("PAL-CNT-001")).findFirst().orElseThrow();
        assertThat(alert.getRule().getSeverity()).isEqualTo(Severity.ERROR);
        assertThat(alert.getThreat().getTechnique().getId()).isEqualTo("T1611");
        assertThat(alert.getContainer()).isEqualTo(privileged.getContainer());
        assertThat(alert.getHost()).isEqualTo(privileged.getHost());
        assertThat(alert.getFirstSeen()).isEqualTo(privileged.getEvent().getCreated());
        assertThat(alert.getEvidenceEventIds()).containsExactly(privileged.getEvent().getId());
        assertThat(alert.getCount()).isEqualTo(1);
    }

    @Test
    void alertsWrittenAreCountedByRuleAndSeverity() {
        ContainerEvent privileged = Samples.containerEvent();

        containerEvents.pipeInput(privileged.getContainer().getId(), privileged);

        long written = alerts.readValuesToList().stream().filter(a -> a.getRule().getId().equals("PAL-CNT-001"))
                .count();
        assertThat(written).isPositive();
        assertThat(meters.get("palisade.processor.alerts").tags("rule", "PAL-CNT-001", "severity", "error")
                .counter().count()).isEqualTo(written);
    }

    @Test
    void windowsAreAlignedToEventTimeNotToWhenTheProcessorSawIt() {
        assertThat(AlertIds.windowStart(java.time.Instant.parse("2026-11-23T10:17:42Z"), Duration.ofMinutes(10)))
                .isEqualTo(java.time.Instant.parse("2026-11-23T10:10:00Z"));
    }
}
