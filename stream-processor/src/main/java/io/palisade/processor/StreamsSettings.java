package io.palisade.processor;

import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams settings every processor instance runs with. Instances with the same application id share the
 * work the way Kafka does: one task per input partition, spread over however many instances run.
 */
public final class StreamsSettings {

    public static final String DEFAULT_APPLICATION_ID = "palisade-processor";

    private StreamsSettings() {
    }

    public static Properties of(String bootstrapServers, String applicationId, Path stateDir, int streamThreads) {
        Properties p = new Properties();
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
        // An alert, its suppression state and the consumed offsets commit together, or not at all.
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // With exactly-once, output becomes visible at commit; 100 ms is the Streams default for EOS, said explicitly
        // because it bounds event-to-alert latency.
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        // A task reads up to eight partitions (five event topics, the inventory, repartitions), most of them empty
        // at any moment (host events, inventory). With idling enabled (default 0), Kafka Streams 4.3 checks every
        // empty partition's lag before each record and formats a log text about it whatever the log level: a tenth
        // of the stream thread's CPU, and a task waits for partitions that are behind. Nothing here needs that wait:
        // the enrichment holds back an event whose container is not known yet, and the sequence correlation, whose
        // two alerts come from different topics, matches them by event time in whichever order they arrive.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        // Each commit ends a transaction, and the next one's first writes can find the previous one's markers still
        // being written: the broker answers CONCURRENT_TRANSACTIONS, which the producer retries after this backoff
        // (doubling up to retry.backoff.max.ms). Its 100 ms default held a commit, and every alert in it, for 100 ms
        // or more several times a minute at 5,000 events/s.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
        // A fresh processor reads the events already on the topics rather than only new ones.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // Kafka 5 turns this on by default; opting in now keeps behaviour the same across the upgrade.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // An event a processor throws on is dead-lettered and the stream goes on, never stopped by one event.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnProcessingError.class);
        return p;
    }
}
