package io.palisade.processor;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.palisade.rules.RuleEngine;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The processor as {@code palisade processor} runs it, in a JVM of its own so that a test can SIGKILL it:
 * {@code ProcessorChildMain <bootstrap servers> <application id> <state dir>}. Prints {@value #RUNNING} once it runs.
 */
public final class ProcessorChildMain {

    static final String RUNNING = "processor child running";

    /** Short emission interval: the crash test must see updates within its wall time. */
    static final ProcessorConfig CONFIG = ProcessorConfig.defaults()
            .withSuppression(Duration.ofSeconds(1), ProcessorConfig.defaults().suppressionGrace());

    private ProcessorChildMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ProcessorConfig config = CONFIG.withKafka(args[0], args[1], Path.of(args[2]), 1);
        Properties properties = config.streamsProperties();
        // The killed instance's group membership would otherwise hold up the restarted one for the default 45 s.
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6000);
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1000);
        KafkaStreams streams = new KafkaStreams(SecurityTopology.build(config, RuleEngine.load(List.of()),
                Clock.systemUTC()), properties);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                System.out.println(RUNNING);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(streams::close));
        streams.start();
        Thread.currentThread().join();
    }
}
