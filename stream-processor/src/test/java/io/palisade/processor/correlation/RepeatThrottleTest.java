package io.palisade.processor.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What reaches a correlation's repartition topic: the first record of each repeat key, then one per interval of event
 * time; values are "repeat key@epoch second".
 */
class RepeatThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, String> in;
    private TestOutputTopic<String, String> out;

    private void throttle(Duration interval) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .processValues(() -> new RepeatThrottle<String>(v -> v.substring(0, v.indexOf('@')),
                        v -> Instant.ofEpochSecond(Long.parseLong(v.substring(v.indexOf('@') + 1))), interval))
                .to("out", Produced.with(Serdes.String(), Serdes.String()));
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "repeat-throttle-test");
        driver = new TopologyTestDriver(builder.build(), properties);
        in = driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
        out = driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private void send(String key, Duration after) {
        in.pipeInput("k", key + "@" + T0.plus(after).getEpochSecond());
    }

    private String at(String key, Duration after) {
        return key + "@" + T0.plus(after).getEpochSecond();
    }

    @Test
    void repeatsWithinTheIntervalAreHeldBackAndTheFirstAfterItGoesThrough() {
        throttle(Duration.ofSeconds(10));

        send("shell/host-a", Duration.ZERO);
        send("shell/host-a", Duration.ofSeconds(3));
        send("shell/host-b", Duration.ofSeconds(4));
        send("shell/host-a", Duration.ofSeconds(9));
        send("shell/host-a", Duration.ofSeconds(10));
        send("shell/host-a", Duration.ofSeconds(2)); // late: older than one already let through

        assertThat(out.readValuesToList()).containsExactly(at("shell/host-a", Duration.ZERO),
                at("shell/host-b", Duration.ofSeconds(4)), at("shell/host-a", Duration.ofSeconds(10)));
    }

    @Test
    void withoutAnIntervalEachKeyGoesThroughOnce() {
        throttle(null);

        send("nginx/usr/bin/curl", Duration.ZERO);
        send("nginx/usr/bin/curl", Duration.ofDays(3));
        send("nginx/usr/sbin/nginx", Duration.ofDays(3));

        assertThat(out.readValuesToList()).containsExactly(at("nginx/usr/bin/curl", Duration.ZERO),
                at("nginx/usr/sbin/nginx", Duration.ofDays(3)));
    }

    @Test
    void aKeyForgottenWhenTheMemoryIsFullGoesThroughAgain() {
        throttle(null);

        send("first", Duration.ZERO);
        for (int i = 0; i < RepeatThrottle.MAX_KEYS; i++) {
            send("other-" + i, Duration.ZERO);
        }
        out.readValuesToList();
        send("first", Duration.ofSeconds(1));

        assertThat(out.readValuesToList()).containsExactly(at("first", Duration.ofSeconds(1)));
    }
}
