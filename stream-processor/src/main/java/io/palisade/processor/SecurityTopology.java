package io.palisade.processor;

import java.time.Clock;
import java.util.List;

import io.palisade.schema.topic.Topic;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The whole processor as one Kafka Streams topology, built the same way for {@code main} and for tests.
 *
 * <p>Reads palisade.events.process, .file, .container, .stats and .host; writes palisade.deadletter.
 * Every event topic is read as raw bytes and decoded by {@link DecodeOrDeadLetter}, so an unreadable record becomes a
 * dead letter with its coordinates and the stream goes on. Enrichment, rules, correlations and suppression consume
 * the decoded streams (issue 4, in progress).
 */
public final class SecurityTopology {

    /** The topics the processor consumes events from. */
    static final List<Topic<String, ?>> EVENT_TOPICS = List.of(Topics.PROCESS_EVENTS, Topics.FILE_EVENTS,
            Topics.CONTAINER_EVENTS, Topics.CONTAINER_STATS, Topics.HOST_EVENTS);

    private SecurityTopology() {
    }

    public static Topology build(Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        for (Topic<String, ?> topic : EVENT_TOPICS) {
            decode(builder, topic, clock);
        }
        return builder.build();
    }

    private static <V> KStream<String, V> decode(StreamsBuilder builder, Topic<String, V> topic, Clock clock) {
        String name = topic.name().substring(topic.name().lastIndexOf('.') + 1);
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
