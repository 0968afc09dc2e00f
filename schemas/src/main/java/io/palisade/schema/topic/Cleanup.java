package io.palisade.schema.topic;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.config.TopicConfig;

/** How Kafka gets rid of a topic's old records: after a retention time, or by keeping only the latest per key. */
public sealed interface Cleanup {

    /** The topic configs that set this policy at creation. */
    Map<String, String> configs();

    /** Records older than {@code retention} are deleted: streams of events that matter only while recent. */
    static Cleanup retain(Duration retention) {
        return new Retention(retention);
    }

    /** Only the latest record per key is kept, a {@code null} value deletes the key: tables such as an inventory. */
    static Cleanup compact() {
        return new Compaction();
    }

    /** Time-based deletion. */
    record Retention(Duration retention) implements Cleanup {
        public Retention {
            Objects.requireNonNull(retention, "retention");
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("retention must be positive: " + retention);
            }
        }

        @Override
        public Map<String, String> configs() {
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        }
    }

    /** Log compaction. */
    record Compaction() implements Cleanup {
        @Override
        public Map<String, String> configs() {
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }
}
