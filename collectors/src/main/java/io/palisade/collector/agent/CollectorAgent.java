package io.palisade.collector.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.palisade.collector.Collector;
import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.container.ContainerSource;
import io.palisade.collector.container.DockerClients;
import io.palisade.collector.file.ContainerDriftSource;
import io.palisade.collector.file.FileIntegritySource;
import io.palisade.collector.host.HostSource;
import io.palisade.collector.process.ProcessSource;
import io.palisade.collector.publish.KafkaEventPublisher;
import io.palisade.collector.publish.PublisherMetrics;
import io.palisade.collector.stats.StatsSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host agent: starts the enabled sources on one shared publisher, and stops them, then flushes the publisher,
 * on close. Writes, through its sources, palisade.events.container, palisade.inventory.containers,
 * palisade.events.process, palisade.events.file, palisade.events.stats and palisade.events.host.
 *
 * <p>Topics are not created here: a collector on a production host usually has no right to create topics, so the
 * quickstart or the operator creates them ({@code TopicCreator.ensure}).
 */
public final class CollectorAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CollectorAgent.class);

    private final KafkaEventPublisher publisher;
    private final List<Collector> sources;

    private CollectorAgent(KafkaEventPublisher publisher, List<Collector> sources) {
        this.publisher = publisher;
        this.sources = sources;
    }

    /**
     * Starts every source the configuration enables; returns at once, sources retry their back ends themselves.
     * The publisher, its producer and the sources count what they do in {@code registry}.
     *
     * @throws io.palisade.runtime.config.InvalidConfigException listing every problem of {@code config}
     */
    public static CollectorAgent start(CollectorConfig config, MeterRegistry registry) {
        config.validated();
        CollectorIdentity identity = CollectorIdentity.detect(config.host());
        KafkaEventPublisher publisher = KafkaEventPublisher.start(config.kafka(), config.publish(),
                "palisade-collector-" + identity.host().getName(), registry);
        List<Collector> sources = new ArrayList<>();
        for (Collector source : enabledSources(config.sources(), identity)) {
            try {
                source.start(publisher);
                sources.add(source);
                if (source instanceof MeterBinder counted) {
                    counted.bindTo(registry);
                }
            } catch (RuntimeException e) {
                publisher.sourceError(source.name(), e);
            }
        }
        LOG.atInfo().setMessage("Collector started")
                .addKeyValue("hostName", identity.host().getName()).addKeyValue("hostId", identity.host().getId())
                .addKeyValue("sources", sources.stream().map(Collector::name).toList())
                .addKeyValue("spoolDir", config.publish().spoolDir()).log();
        return new CollectorAgent(publisher, List.copyOf(sources));
    }

    /** One line per source: whether the configuration enables it, and how to build it. */
    private static List<Collector> enabledSources(SourcesSettings settings, CollectorIdentity identity) {
        List<Collector> sources = new ArrayList<>();
        addIf(sources, settings.container().enabled(),
                () -> new ContainerSource(DockerClients::fromEnvironment, identity, settings.container().resync()));
        addIf(sources, settings.process().enabled(), () -> new ProcessSource(identity, settings.process()));
        addIf(sources, settings.file().enabled(), () -> new FileIntegritySource(identity, settings.file()));
        addIf(sources, settings.drift().enabled(),
                () -> new ContainerDriftSource(DockerClients::fromEnvironment, identity, settings.drift()));
        addIf(sources, settings.stats().enabled(),
                () -> new StatsSource(DockerClients::fromEnvironment, identity, settings.stats()));
        addIf(sources, settings.host().enabled(),
                () -> new HostSource(DockerClients::fromEnvironment, identity, settings.host()));
        return sources;
    }

    private static void addIf(List<Collector> sources, boolean enabled, Supplier<Collector> source) {
        if (enabled) {
            sources.add(source.get());
        }
    }

    /** Names of the sources that started. */
    public List<String> sourceNames() {
        return sources.stream().map(Collector::name).toList();
    }

    /** Counters and spool depth of the publisher, as its registry holds them. */
    public PublisherMetrics metrics() {
        return publisher.metrics();
    }

    /** Events given up on since start (spool full or unwritable, or rejected by Kafka for good). */
    public long droppedEvents() {
        return publisher.metrics().droppedTotal();
    }

    /** Stops the sources, then delivers what is buffered (up to ten seconds); the rest stays in the spool. */
    @Override
    public void close() {
        for (Collector source : sources.reversed()) {
            try {
                source.close();
            } catch (RuntimeException e) {
                LOG.atWarn().setMessage("Source failed to stop cleanly").addKeyValue("source", source.name())
                        .setCause(e).log();
            }
        }
        publisher.close();
        LOG.atInfo().setMessage("Collector stopped").addKeyValue("droppedEvents", droppedEvents()).log();
    }
}
