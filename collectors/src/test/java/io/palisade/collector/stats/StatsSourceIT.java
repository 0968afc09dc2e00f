package io.palisade.collector.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.DockerClient;
import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.TestPublishers;
import io.palisade.collector.TopicReader;
import io.palisade.collector.container.DockerClients;
import io.palisade.collector.publish.KafkaEventPublisher;
import io.palisade.devstack.DockerEnvironment;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.schema.Agent;
import io.palisade.schema.ContainerStats;
import io.palisade.schema.Host;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** The stats source on the real Docker Engine, publishing to the real broker every second. */
@ExtendWith(DevStackExtension.class)
class StatsSourceIT {

    private static final Logger LOG = LoggerFactory.getLogger(StatsSourceIT.class);
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final long MEMORY_LIMIT = 64L << 20;
    private static final int BURN_SAMPLES = 5;
    /** The largest CPU weight (cgroup v1 cpu.shares; Docker maps it to cpu.weight 10000 on v2). */
    private static final int HIGHEST_CPU_SHARES = 262_144;

    @Test
    void aContainerBurningCpuAnIdleOneWithAMemoryLimitAndTheHostTotals(KafkaBroker kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        String hostId = "stats-it-" + UUID.randomUUID();
        CollectorIdentity identity = new CollectorIdentity(Host.newBuilder().setName("stats-it").setId(hostId).build(),
                Agent.newBuilder().setId("stats-it").setVersion("test").build());
        boolean cgroupfs = cgroupfsDriver();
        try (GenericContainer<?> burning = new GenericContainer<>(DockerImageName.parse(DockerEnvironment.testImage()))
                     // The highest weight, at the top of the hierarchy where the driver allows it (a weight only
                     // counts among siblings): the loop gets its core however busy the shared machine is.
                     .withCreateContainerCmdModifier(create -> {
                         create.getHostConfig().withCpuShares(HIGHEST_CPU_SHARES);
                         if (cgroupfs) {
                             create.getHostConfig().withCgroupParent("/");
                         }
                     })
                     .withCommand("sh", "-c", "while :; do :; done");
             GenericContainer<?> idle = new GenericContainer<>(DockerImageName.parse(DockerEnvironment.testImage()))
                     .withCreateContainerCmdModifier(create -> create.getHostConfig().withMemory(MEMORY_LIMIT))
                     .withCommand("sleep", "300");
             KafkaEventPublisher publisher = TestPublishers.to(kafka.bootstrapServers(), "stats-it");
             StatsSource source = new StatsSource(DockerClients::fromEnvironment, identity,
                     new StatsSettings(true, Duration.ofSeconds(1)));
             TopicReader<ContainerStats> stats = new TopicReader<>(kafka.bootstrapServers(),
                     Topics.CONTAINER_STATS)) {
            burning.start();
            idle.start();
            source.start(publisher);

            ContainerStats hot = awaitBusiest(stats, burning.getContainerId());
            ContainerStats quiet = stats.await("a CPU percentage for " + idle.getContainerId(),
                    r -> idle.getContainerId().equals(r.key()) && r.value().getCpuPercent() != null, WAIT).value();
            ContainerStats host = stats.await("host totals with a CPU percentage",
                    r -> hostId.equals(r.key()) && r.value().getCpuPercent() != null, WAIT).value();
            LOG.atInfo().setMessage("Samples").addKeyValue("burning", hot).addKeyValue("idle", quiet)
                    .addKeyValue("host", host).log();

            assertThat(hot.getContainer().getName()).isNotBlank();
            assertThat(hot.getContainer().getImage().getName()).isEqualTo(DockerEnvironment.testImage());
            assertThat(hot.getMemoryLimitBytes()).as("no limit set").isNull();
            assertThat(hot.getPids()).isGreaterThanOrEqualTo(1);
            assertThat(hot.getNetworkRxBytes()).as("bridge network of its own").isNotNull();
            assertThat(hot.getCpuPercent()).as("a core's loop with the highest CPU weight")
                    .isGreaterThan(50.0).isLessThanOrEqualTo(100.0 * Runtime.getRuntime().availableProcessors());
            assertThat(quiet.getCpuPercent()).isLessThan(2.0);
            assertThat(quiet.getMemoryLimitBytes()).isEqualTo(MEMORY_LIMIT);
            assertThat(quiet.getMemoryUsageBytes()).isPositive().isLessThan(MEMORY_LIMIT);
            assertThat(host.getContainer()).isNull();
            assertThat(host.getMemoryUsageBytes()).isPositive().isLessThan(host.getMemoryLimitBytes());
            assertThat(host.getPids()).isPositive();
            assertThat(TestPublishers.dropped(publisher)).isZero();
        }
    }

    private static boolean cgroupfsDriver() throws IOException {
        try (DockerClient docker = DockerClients.fromEnvironment()) {
            return "cgroupfs".equals(docker.infoCmd().exec().getCGroupDriver());
        }
    }

    /**
     * The busiest of the burning container's first {@value #BURN_SAMPLES} CPU percentages. A loop alone on this 2-core
     * machine shows 85-100%, as docker stats does; with the machine shared by parallel builds (load 20 and more) a
     * container of default weight got only 15-35%, hence the highest weight for this one.
     */
    private static ContainerStats awaitBusiest(TopicReader<ContainerStats> stats, String containerId) {
        stats.await(BURN_SAMPLES + " CPU percentages of " + containerId, r -> stats.seen().stream()
                .filter(s -> containerId.equals(s.key()) && s.value().getCpuPercent() != null).count()
                >= BURN_SAMPLES, WAIT);
        return stats.seen().stream().filter(r -> containerId.equals(r.key()) && r.value().getCpuPercent() != null)
                .limit(BURN_SAMPLES).map(r -> r.value())
                .max(Comparator.comparingDouble(ContainerStats::getCpuPercent)).orElseThrow();
    }
}
