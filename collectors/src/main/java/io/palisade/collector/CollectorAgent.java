package io.palisade.collector;

import java.util.ArrayList;
import java.util.List;

import io.palisade.collector.container.ContainerSource;
import io.palisade.collector.container.DockerClients;
import io.palisade.collector.publish.KafkaEventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host agent: starts the enabled sources on one shared publisher, and stops them, then flushes the publisher,
 * on close. Writes, through its sources, palisade.events.container and palisade.inventory.containers.
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

    /** Starts every source the configuration enables; returns at once, sources retry their back ends themselves. */
    public static CollectorAgent start(CollectorConfig config) {
        CollectorIdentity identity = CollectorIdentity.detect(config);
        KafkaEventPublisher publisher = new KafkaEventPublisher(config.bootstrapServers(),
                "palisade-collector-" + identity.host().getName(), config.publishMaxBlock());
        List<Collector> sources = new ArrayList<>();
        if (config.containerSource()) {
            sources.add(new ContainerSource(DockerClients::fromEnvironment, identity, config.containerResync()));
        }
        sources.forEach(source -> source.start(publisher));
        LOG.atInfo().setMessage("Collector started")
                .addKeyValue("hostName", identity.host().getName()).addKeyValue("hostId", identity.host().getId())
                .addKeyValue("sources", sources.stream().map(Collector::name).toList()).log();
        return new CollectorAgent(publisher, List.copyOf(sources));
    }

    /** Events given up on since start because Kafka could not take or deliver them in time. */
    public long droppedEvents() {
        return publisher.droppedCount();
    }

    /** Stops the sources, then delivers what is buffered (up to ten seconds) and closes the producer. */
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
        LOG.atInfo().setMessage("Collector stopped").addKeyValue("droppedEvents", publisher.droppedCount()).log();
    }
}
