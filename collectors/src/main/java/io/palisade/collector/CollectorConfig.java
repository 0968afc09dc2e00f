package io.palisade.collector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the collector agent needs to run, validated when built: every problem is reported at once in an
 * {@link InvalidConfigException}.
 *
 * @param bootstrapServers      Kafka bootstrap servers, {@code host:port[,host:port...]}; required
 * @param hostName              ECS host.name to report; {@code null} (default) means the kernel's host name
 * @param hostId                ECS host.id to report; {@code null} (default) means {@code /etc/machine-id}
 * @param containerSource       whether the Docker container source runs (default {@code true}); the engine is
 *                              found through {@code DOCKER_HOST} like the {@code docker} CLI
 * @param containerResync       how often every container is inspected again, healing missed engine events
 *                              (default {@link #DEFAULT_CONTAINER_RESYNC}, at least {@link #MIN_CONTAINER_RESYNC})
 * @param publishMaxBlock       longest a source may wait to hand over one event while Kafka is unreachable or the
 *                              producer buffer is full (default {@link #DEFAULT_PUBLISH_MAX_BLOCK}, at most
 *                              {@link #MAX_PUBLISH_MAX_BLOCK}); after that the event is dropped and counted
 */
public record CollectorConfig(String bootstrapServers, String hostName, String hostId, boolean containerSource,
                              Duration containerResync, Duration publishMaxBlock) {

    public static final Duration DEFAULT_CONTAINER_RESYNC = Duration.ofMinutes(5);
    public static final Duration MIN_CONTAINER_RESYNC = Duration.ofSeconds(1);
    public static final Duration DEFAULT_PUBLISH_MAX_BLOCK = Duration.ofSeconds(5);
    public static final Duration MAX_PUBLISH_MAX_BLOCK = Duration.ofMinutes(1);

    public CollectorConfig {
        List<String> problems = new ArrayList<>();
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            problems.add("bootstrapServers is required (host:port of at least one Kafka broker)");
        }
        if (hostName != null && hostName.isBlank()) {
            problems.add("hostName must not be blank; leave it unset to use the kernel's host name");
        }
        if (hostId != null && hostId.isBlank()) {
            problems.add("hostId must not be blank; leave it unset to use /etc/machine-id");
        }
        if (containerResync == null || containerResync.compareTo(MIN_CONTAINER_RESYNC) < 0) {
            problems.add("containerResync must be at least " + MIN_CONTAINER_RESYNC + ", got " + containerResync);
        }
        if (publishMaxBlock == null || publishMaxBlock.isNegative() || publishMaxBlock.isZero()
                || publishMaxBlock.compareTo(MAX_PUBLISH_MAX_BLOCK) > 0) {
            problems.add("publishMaxBlock must be above 0 and at most " + MAX_PUBLISH_MAX_BLOCK
                    + " (sources must never wait long on Kafka), got " + publishMaxBlock);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    /** Every setting at its default, for the given brokers. */
    public static CollectorConfig defaults(String bootstrapServers) {
        return new CollectorConfig(bootstrapServers, null, null, true, DEFAULT_CONTAINER_RESYNC,
                DEFAULT_PUBLISH_MAX_BLOCK);
    }
}
