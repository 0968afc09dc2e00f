package io.palisade.processor;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.palisade.rules.Facts;
import io.palisade.rules.RuleEngine;
import io.palisade.schema.topic.Topic;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.avro.specific.SpecificRecord;

/**
 * The whole processor as one Kafka Streams topology, built the same way for {@code main} and for tests.
 *
 * <p>Reads palisade.events.process, .file, .container, .stats and .host; writes palisade.alerts and
 * palisade.deadletter. Every event topic is read as raw bytes and decoded by {@link DecodeOrDeadLetter}, so an
 * unreadable record becomes a dead letter with its coordinates and the stream goes on. Each readable event is
 * evaluated by the rules, and each finding becomes an alert keyed by its deterministic id. Not yet here (issue 4):
 * enrichment from the inventory table, correlations, and suppression of repeats into one counted alert — until then a
 * repeat within the window is written again under the same id, which sinks overwrite.
 */
public final class SecurityTopology {

    /** The topics the processor consumes events from. */
    static final List<Topic<String, ? extends SpecificRecord>> EVENT_TOPICS = List.of(Topics.PROCESS_EVENTS, Topics.FILE_EVENTS,
            Topics.CONTAINER_EVENTS, Topics.CONTAINER_STATS, Topics.HOST_EVENTS);

    private SecurityTopology() {
    }

    /** Repeats of one finding within this much event time share an alert id. */
    static final Duration ALERT_WINDOW = Duration.ofMinutes(10);

    public static Topology build(RuleEngine rules, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        AlertFactory alerts = new AlertFactory(ALERT_WINDOW);
        for (Topic<String, ? extends SpecificRecord> topic : EVENT_TOPICS) {
            String name = shortName(topic);
            decode(builder, topic, clock)
                    .flatMapValues(event -> rules.evaluate(Facts.of(event)).stream()
                            .map(finding -> alerts.alert(finding, event)).toList(), Named.as("evaluate-" + name))
                    .selectKey((key, alert) -> alert.getId(), Named.as("key-alerts-" + name))
                    .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                            .withName("write-alerts-" + name));
        }
        return builder.build();
    }

    private static String shortName(Topic<?, ?> topic) {
        return topic.name().substring(topic.name().lastIndexOf('.') + 1);
    }

    private static <V> KStream<String, V> decode(StreamsBuilder builder, Topic<String, V> topic, Clock clock) {
        String name = shortName(topic);
        KStream<String, Decoded<V>> decoded = builder
                .stream(topic.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-" + name))
                .processValues(() -> new DecodeOrDeadLetter<>(topic.valueSerde().deserializer(), clock),
                        Named.as("decode-" + name));
        decoded.flatMapValues(d -> d instanceof Decoded.Unreadable<V> u ? List.of(u.deadLetter()) : List.of(),
                        Named.as("dead-letters-" + name))
                .selectKey((key, letter) -> letter.getSourceTopic(), Named.as("key-dead-letters-" + name))
                .to(Topics.DEAD_LETTERS.name(), Produced.with(Topics.DEAD_LETTERS.keySerde(),
                        Topics.DEAD_LETTERS.valueSerde()).withName("write-dead-letters-" + name));
        return decoded.flatMapValues(d -> d instanceof Decoded.Readable<V> r ? List.of(r.event()) : List.<V>of(),
                Named.as("events-" + name));
    }
}
