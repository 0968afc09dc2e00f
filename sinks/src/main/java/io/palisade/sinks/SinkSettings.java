package io.palisade.sinks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.palisade.runtime.Backoff;
import io.palisade.schema.Severity;

/**
 * How one sink consumes {@code palisade.alerts}. Validated at construction, reporting every error at once.
 *
 * @param name            the sink's name; its consumer group is {@code palisade-sink-<name>}
 * @param minimumSeverity alerts less severe than this are skipped (default {@link #DEFAULT_MINIMUM_SEVERITY})
 * @param tags            alerts this filter rejects are skipped (default {@link TagFilter#NONE}: none)
 * @param batchSize       a batch is written once it holds this many records (default {@value #DEFAULT_BATCH_SIZE})
 * @param batchLinger     ...or once its oldest record waited this long (default {@link #DEFAULT_BATCH_LINGER})
 * @param backoff         delays between retries of a failed write (default {@link #DEFAULT_BACKOFF})
 */
public record SinkSettings(String name, Severity minimumSeverity, TagFilter tags, int batchSize, Duration batchLinger,
                           Backoff backoff) {

    public static final Severity DEFAULT_MINIMUM_SEVERITY = Severity.DEBUG;
    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final Duration DEFAULT_BATCH_LINGER = Duration.ofSeconds(1);
    public static final Backoff DEFAULT_BACKOFF = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public SinkSettings {
        List<String> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add("name must be lowercase letters, digits and dashes, not " + name);
        }
        if (minimumSeverity == null) {
            errors.add("minimumSeverity is required");
        }
        if (tags == null) {
            errors.add("tags is required (TagFilter.NONE for no tag filter)");
        }
        if (batchSize < 1) {
            errors.add("batchSize must be at least 1, not " + batchSize);
        }
        if (batchLinger == null || batchLinger.isNegative() || batchLinger.isZero()) {
            errors.add("batchLinger must be positive, not " + batchLinger);
        }
        if (backoff == null) {
            errors.add("backoff is required");
        } else {
            backoff.problem().ifPresent(problem -> errors.add("backoff " + problem));
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid settings for sink " + name + ": " + String.join("; ", errors));
        }
    }

    /** Settings with every default, for the sink called {@code name}. */
    public static SinkSettings defaults(String name) {
        return new SinkSettings(name, DEFAULT_MINIMUM_SEVERITY, TagFilter.NONE, DEFAULT_BATCH_SIZE, DEFAULT_BATCH_LINGER,
                DEFAULT_BACKOFF);
    }

    public SinkSettings withMinimumSeverity(Severity minimum) {
        return new SinkSettings(name, minimum, tags, batchSize, batchLinger, backoff);
    }

    public SinkSettings withTags(TagFilter filter) {
        return new SinkSettings(name, minimumSeverity, filter, batchSize, batchLinger, backoff);
    }

    public SinkSettings withBatch(int size, Duration linger) {
        return new SinkSettings(name, minimumSeverity, tags, size, linger, backoff);
    }

    public SinkSettings withBackoff(Backoff retryBackoff) {
        return new SinkSettings(name, minimumSeverity, tags, batchSize, batchLinger, retryBackoff);
    }

    /** The consumer group of this sink: one per sink, so a slow sink never holds up another. */
    public String consumerGroup() {
        return "palisade-sink-" + name;
    }
}
