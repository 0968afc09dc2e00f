package io.palisade.processor.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.processor.ProcessorConfig;
import io.palisade.processor.SecurityTopology;
import io.palisade.rules.RuleEngine;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.HostEvent;
import io.palisade.schema.topic.Topic;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processor instances on the real broker share the inventory partitions; asking either one for the fleet
 * returns every container and host, whichever instance's stores hold them.
 */
@ExtendWith(DevStackExtension.class)
class FleetInventoryIT {

    /** A fresh application id per run: both instances start from the beginning of the topics, with empty state. */
    private static final String APPLICATION_ID = "palisade-inventory-it-" + UUID.randomUUID();

    /** Scopes this run's containers and hosts, since other tests write inventory to the same broker. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static final RuleEngine RULES = RuleEngine.load(List.of());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path stateDirs;

    private static final List<KafkaStreams> INSTANCES = new ArrayList<>();
    private static final List<InventoryServer> SERVERS = new ArrayList<>();

    private static final Instant NOW = Instant.now();

    /** 12 containers on 3 hosts, every third privileged, images alternating: spread over all partitions. */
    private static final List<ContainerEvent> CONTAINERS = IntStream.range(0, 12)
            .mapToObj(i -> InventoryViews.container(RUN + "-c" + i, i % 2 == 0 ? "nginx:1.27" : "redis:7",
                    RUN + "-host" + (i % 3), i % 3 == 0, NOW))
            .toList();

    /** Six hosts, host k last heard from 10·k minutes before the run: the test's own minutes do not blur them. */
    private static final List<HostEvent> HOSTS = IntStream.range(0, 6)
            .mapToObj(k -> InventoryViews.heartbeat(RUN + "-host" + k, NOW.minus(Duration.ofMinutes(10L * k))))
            .toList();

    @BeforeAll
    static void start(KafkaBroker kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        send(kafka, Topics.CONTAINER_INVENTORY, CONTAINERS.stream().map(c -> Map.entry(c.getContainer().getId(), c))
                .toList());
        send(kafka, Topics.HOST_EVENTS, HOSTS.stream().map(h -> Map.entry(h.getHost().getId(), h)).toList());
        for (int i = 0; i < 2; i++) {
            InventoryServer server = InventoryServer.bind(new InetSocketAddress("127.0.0.1", 0));
            HostInfo self = new HostInfo("127.0.0.1", server.port());
            ProcessorConfig config = ProcessorConfig.defaults().withKafka(kafka.bootstrapServers(), APPLICATION_ID,
                    stateDirs.resolve("instance-" + i), 1);
            Properties properties = config.streamsProperties();
            properties.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "127.0.0.1:" + server.port());
            KafkaStreams streams = new KafkaStreams(SecurityTopology.build(config, RULES, Clock.systemUTC()),
                    properties);
            streams.start();
            server.serve(streams, self);
            INSTANCES.add(streams);
            SERVERS.add(server);
        }
    }

    @AfterAll
    static void stop() {
        SERVERS.forEach(InventoryServer::close);
        INSTANCES.forEach(KafkaStreams::close);
    }

    @Test
    void eitherInstanceAnswersForTheWholeFleet() throws Exception {
        List<String> privileged = ids(c -> c.getPosture().getPrivileged());
        List<String> nginx = ids(c -> c.getContainer().getImage().getName().startsWith("nginx"));

        for (InventoryServer server : SERVERS) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(InventoryViews.ids(containers(server, "privileged=true")))
                        .as("privileged containers of this run").filteredOn(id -> id.startsWith(RUN))
                        .containsExactlyElementsOf(privileged);
                assertThat(InventoryViews.ids(containers(server, "image=nginx")))
                        .filteredOn(id -> id.startsWith(RUN)).containsExactlyElementsOf(nginx);
            });
            assertThat(InventoryViews.ids(containers(server, "host=" + RUN + "-host1")))
                    .containsExactly(RUN + "-c1", RUN + "-c10", RUN + "-c4", RUN + "-c7");
            assertThat(hosts(server, "").hosts()).extracting(HostView::name).filteredOn(n -> n.startsWith(RUN))
                    .as("longest silent first").containsExactly(RUN + "-host5", RUN + "-host4", RUN + "-host3",
                            RUN + "-host2", RUN + "-host1", RUN + "-host0");
            assertThat(hosts(server, "stale=PT25M").hosts()).extracting(HostView::name)
                    .filteredOn(n -> n.startsWith(RUN))
                    .containsExactly(RUN + "-host5", RUN + "-host4", RUN + "-host3");
        }
    }

    @Test
    void oneContainerIsReadFromTheInstanceThatHoldsIt() throws Exception {
        String id = RUN + "-c3";
        for (InventoryServer server : SERVERS) {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> get(server, "/inventory/containers/" + id).statusCode() == 200);
            ContainerView container = JSON.readValue(get(server, "/inventory/containers/" + id).body(),
                    ContainerView.class);
            assertThat(container.image()).isEqualTo("redis:7");
            assertThat(container.privileged()).isTrue();
            assertThat(container.hostName()).isEqualTo(RUN + "-host0");
            assertThat(get(server, "/inventory/containers/" + RUN + "-unknown").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anInstanceWhoseStoresAreNotReadyAsksToRetry(KafkaBroker kafka) throws Exception {
        ProcessorConfig config = ProcessorConfig.defaults().withKafka(kafka.bootstrapServers(), APPLICATION_ID,
                stateDirs.resolve("not-started"), 1);
        try (InventoryServer server = InventoryServer.bind(new InetSocketAddress("127.0.0.1", 0));
             KafkaStreams notStarted = new KafkaStreams(SecurityTopology.build(config, RULES, Clock.systemUTC()),
                     config.streamsProperties())) {
            server.serve(notStarted, new HostInfo("127.0.0.1", server.port()));

            HttpResponse<String> response = get(server, "/inventory/hosts");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).contains("5");
            assertThat(response.body()).contains("rebalancing or starting");
        }
    }

    private static List<String> ids(java.util.function.Predicate<ContainerEvent> which) {
        return CONTAINERS.stream().filter(which).map(c -> c.getContainer().getId()).sorted().toList();
    }

    private static List<ContainerView> containers(InventoryServer server, String query) throws Exception {
        HttpResponse<String> response = get(server, "/inventory/containers?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), ContainerList.class).containers();
    }

    private static HostList hosts(InventoryServer server, String query) throws Exception {
        HttpResponse<String> response = get(server, "/inventory/hosts?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readValue(response.body(), HostList.class);
    }

    private static HttpResponse<String> get(InventoryServer server, String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static <V> void send(KafkaBroker kafka, Topic<String, V> topic, List<Map.Entry<String, V>> records)
            throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, V> record : records) {
                producer.send(new ProducerRecord<>(topic.name(), record.getKey(),
                        topic.valueSerde().serializer().serialize(topic.name(), record.getValue())));
            }
            producer.flush();
        }
    }
}
