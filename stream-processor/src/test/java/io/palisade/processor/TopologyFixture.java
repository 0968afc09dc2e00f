package io.palisade.processor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.palisade.rules.RuleEngine;
import io.palisade.schema.Alert;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.DeadLetter;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.topic.Topic;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The whole topology on a {@link TopologyTestDriver}, with typed input and output topics; the wall clock is hand-driven. */
final class TopologyFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    static final RuleEngine RULES = RuleEngine.load(List.of());

    final ProcessorConfig config;
    final TopologyTestDriver driver;
    final TestOutputTopic<String, Alert> alerts;
    final TestOutputTopic<String, DeadLetter> deadLetters;

    TopologyFixture(Path stateDir) {
        this(ProcessorConfig.defaults(), stateDir);
    }

    TopologyFixture(ProcessorConfig config, Path stateDir) {
        this.config = config;
        driver = new TopologyTestDriver(SecurityTopology.build(config, RULES, CLOCK),
                StreamsSettings.of("unused:9092", "test", stateDir, 1), CLOCK.instant());
        alerts = driver.createOutputTopic(Topics.ALERTS.name(), Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(), Topics.DEAD_LETTERS.keySerde().deserializer(),
                Topics.DEAD_LETTERS.valueSerde().deserializer());
    }

    <V> TestInputTopic<String, V> input(Topic<String, V> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), topic.valueSerde().serializer());
    }

    TestInputTopic<String, byte[]> rawInput(Topic<String, ?> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), new ByteArraySerializer());
    }

    void inventory(ContainerEvent container) {
        input(Topics.CONTAINER_INVENTORY).pipeInput(container.getContainer().getId(), container,
                container.getEvent().getCreated());
    }

    void process(ProcessEvent event) {
        input(Topics.PROCESS_EVENTS).pipeInput(event.getContainer().getId(), event, event.getEvent().getCreated());
    }

    void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
    }

    List<Alert> alertsOf(String ruleId) {
        return alerts.readValuesToList().stream().filter(a -> a.getRule().getId().equals(ruleId)).toList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
