package io.palisade.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.rules.RuleEngine;
import io.palisade.schema.DeadLetter;
import io.palisade.schema.Process;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.Samples;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterTopologyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private static final RuleEngine RULES = RuleEngine.load(List.of());

    @TempDir
    Path stateDir;

    @Test
    void anUnreadableEventBecomesOneDeadLetterWithItsCoordinatesAndTheStreamGoesOn() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (TopologyTestDriver driver = new TopologyTestDriver(
                SecurityTopology.build(ProcessorConfig.defaults(), RULES, CLOCK, meters),
                StreamsSettings.of("unused:9092", "test", stateDir, 1))) {
            TestInputTopic<String, byte[]> processEvents = driver.createInputTopic(Topics.PROCESS_EVENTS.name(),
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, DeadLetter> deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(),
                    Topics.DEAD_LETTERS.keySerde().deserializer(), Topics.DEAD_LETTERS.valueSerde().deserializer());

            processEvents.pipeInput("c1", new byte[] {1, 2, 3});
            processEvents.pipeInput("c1", processEventBytes());
            processEvents.pipeInput("c2", new byte[] {(byte) 0xC3, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 42});

            List<DeadLetter> letters = deadLetters.readValuesToList();
            assertThat(letters).extracting(DeadLetter::getSourceTopic).containsOnly(Topics.PROCESS_EVENTS.name());
            assertThat(letters).extracting(DeadLetter::getSourceOffset).containsExactly(0L, 2L);
            assertThat(letters.get(0).getReason()).contains("too few");
            assertThat(letters.get(1).getReason()).contains("fingerprint");
            assertThat(letters.get(1).getSchemaFingerprint()).isZero();
            assertThat(letters.get(1).getValue().remaining()).isEqualTo(11);
            assertThat(letters.get(0).getFailedAt()).isEqualTo(CLOCK.instant());
            assertThat(meters.get("palisade.processor.dead.letters")
                    .tags("topic", Topics.PROCESS_EVENTS.name(), "reason", "unreadable").counter().count())
                    .isEqualTo(2);
        }
    }

    @Test
    void anEventARuleThrowsOnBecomesADeadLetterAndTheStreamGoesOn(@TempDir Path userRules) throws Exception {
        Files.writeString(userRules.resolve("broken.drl"), """
                package user.broken
                import io.palisade.schema.ProcessEvent
                rule "Breaks on one process"
                    @id("USR-BROKEN-001") @severity("NOTICE") @technique("T1059") @tactic("TA0002") @tags("test")
                    @description("Throws, as a rule with a bug would.")
                    @message("never") @dedup("{host.id}")
                when
                    ProcessEvent(process.pid == 666)
                then
                    throw new IllegalStateException("rule bug on pid 666");
                end
                """);
        RuleEngine rules = RuleEngine.load(List.of(userRules));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Properties properties = StreamsSettings.of("unused:9092", "test", stateDir, 1);
        properties.put(DeadLetterOnProcessingError.METER_REGISTRY, meters);
        try (TopologyTestDriver driver = new TopologyTestDriver(SecurityTopology.build(ProcessorConfig.defaults(),
                rules, CLOCK, meters), properties)) {
            TestInputTopic<String, byte[]> processEvents = driver.createInputTopic(Topics.PROCESS_EVENTS.name(),
                    new StringSerializer(), new ByteArraySerializer());
            TestOutputTopic<String, DeadLetter> deadLetters = driver.createOutputTopic(Topics.DEAD_LETTERS.name(),
                    Topics.DEAD_LETTERS.keySerde().deserializer(), Topics.DEAD_LETTERS.valueSerde().deserializer());
            ProcessEvent breaking = ProcessEvent.newBuilder(Samples.processEvent()).setContainer(null)
                    .setProcess(Process.newBuilder(Samples.process()).setPid(666).build()).build();

            processEvents.pipeInput("h1", Topics.PROCESS_EVENTS.valueSerde().serializer()
                    .serialize(Topics.PROCESS_EVENTS.name(), breaking));
            processEvents.pipeInput("h1", processEventBytes());

            DeadLetter letter = deadLetters.readValue();
            assertThat(letter.getSourceTopic()).isEqualTo(Topics.PROCESS_EVENTS.name());
            assertThat(letter.getSourceOffset()).isZero();
            assertThat(letter.getReason()).contains("rule bug on pid 666");
            assertThat(deadLetters.isEmpty()).isTrue();
            assertThat(meters.get("palisade.processor.dead.letters")
                    .tags("topic", Topics.PROCESS_EVENTS.name(), "reason", "processing_error").counter().count())
                    .isEqualTo(1);
        }
    }

    @Test
    void aCorruptInventoryRecordBecomesADeadLetterAndTheInventoryGoesOn() {
        try (TopologyFixture topology = new TopologyFixture(stateDir)) {
            topology.rawInput(Topics.CONTAINER_INVENTORY).pipeInput(TestEvents.CONTAINER_ID, "garbage".getBytes());
            topology.inventory(TestEvents.inventory());

            assertThat(topology.deadLetters.readValuesToList()).singleElement().satisfies(letter -> {
                assertThat(letter.getSourceTopic()).isEqualTo(Topics.CONTAINER_INVENTORY.name());
                assertThat(letter.getSourceOffset()).isZero();
            });
            assertThat(topology.driver.<String, Object>getKeyValueStore(InventoryStores.CONTAINERS)
                    .get(TestEvents.CONTAINER_ID)).isEqualTo(TestEvents.inventory());
        }
    }

    private static byte[] processEventBytes() {
        return Topics.PROCESS_EVENTS.valueSerde().serializer().serialize(Topics.PROCESS_EVENTS.name(),
                Samples.processEvent());
    }
}
