package io.palisade.collector.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.TestPublishers;
import io.palisade.collector.TopicReader;
import io.palisade.collector.publish.KafkaEventPublisher;
import io.palisade.devstack.KafkaBroker;
import io.palisade.devstack.junit.DevStackExtension;
import io.palisade.runtime.metrics.ServiceMetrics;
import io.palisade.runtime.ops.OpsServer;
import io.palisade.schema.Agent;
import io.palisade.schema.FileAction;
import io.palisade.schema.FileEvent;
import io.palisade.schema.Host;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The file-integrity source on a real watched directory, publishing to the real broker. */
@ExtendWith(DevStackExtension.class)
class FileIntegritySourceIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    @Test
    void reportsChangesAsTheyHappenAndThoseMadeWhileStopped(KafkaBroker kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        Path root = Files.createDirectories(tmp.resolve("watched")).toRealPath();
        Path outside = Files.createDirectories(tmp.resolve("staging"));
        Path stateDir = tmp.resolve("state");
        Path doomed = Files.writeString(root.resolve("doomed.conf"), "old\n");
        CollectorIdentity identity = new CollectorIdentity(
                Host.newBuilder().setName("fim-it").setId(UUID.randomUUID().toString()).build(),
                Agent.newBuilder().setId(UUID.randomUUID().toString()).setVersion("it").build());
        String hostId = identity.host().getId();
        FileIntegritySettings settings = new FileIntegritySettings(true, List.of(root.toString()),
                List.of(root + "/**.swp"), Duration.ofHours(1), stateDir, null, null);

        try (KafkaEventPublisher publisher = TestPublishers.to(kafka.bootstrapServers(), "fim-it");
             TopicReader<FileEvent> events = new TopicReader<>(kafka.bootstrapServers(), Topics.FILE_EVENTS)) {
            Path config = root.resolve("app.conf");
            try (FileIntegritySource source = new FileIntegritySource(identity, settings)) {
                source.start(publisher);
                // The source saves its first baseline once the initial scan is done.
                await().atMost(WAIT).until(() -> Files.exists(stateDir.resolve("baseline.pfim")));

                // Written elsewhere and moved in, as editors and package managers do: one complete new file.
                Path staged = Files.writeString(outside.resolve("app.conf"), "v1\n");
                Files.move(staged, config, StandardCopyOption.ATOMIC_MOVE);
                FileEvent created = awaitEvent(events, hostId, config, FileAction.CREATED);
                assertThat(created.getFile().getHash().getSha256()).isEqualTo(sha256("v1\n"));
                assertThat(created.getFile().getSize()).isEqualTo(3L);
                assertThat(created.getFile().getUid()).isEqualTo(uid(config));
                int createdMode = Integer.parseInt(created.getFile().getMode(), 8);

                Files.writeString(config, "v2\n", StandardOpenOption.APPEND);
                FileEvent modified = awaitEvent(events, hostId, config, FileAction.MODIFIED);
                assertThat(modified.getFile().getOriginal().getHash().getSha256()).isEqualTo(sha256("v1\n"));
                assertThat(modified.getFile().getHash().getSha256()).isEqualTo(sha256("v1\nv2\n"));

                run("chmod", "u+s", config.toString());
                FileEvent setuid = awaitEvent(events, hostId, config, FileAction.ATTRIBUTES_CHANGED);
                assertThat(setuid.getFile().getMode()).isEqualTo(String.format("%04o", createdMode | 04000));
                assertThat(setuid.getFile().getHash().getSha256()).isEqualTo(sha256("v1\nv2\n"));

                // A new directory is watched as it appears, with what was put in it before that.
                Files.writeString(root.resolve(".app.conf.swp"), "editor swap file, excluded");
                Path nested = Files.createDirectories(root.resolve("new/deeper")).resolve("key");
                Files.writeString(nested, "k");
                assertThat(awaitEvent(events, hostId, nested, FileAction.CREATED).getFile().getHash().getSha256())
                        .isEqualTo(sha256("k"));
                assertThat(events.seen()).noneMatch(r -> r.value().getFile().getPath().endsWith(".swp"));
            }

            // While no source runs: one file changed, one created, one deleted.
            Files.writeString(config, "tampered\n", StandardOpenOption.APPEND);
            Path dropped = Files.writeString(root.resolve("new/dropped.sh"), "#!/bin/sh\n");
            Files.delete(doomed);

            try (FileIntegritySource restarted = new FileIntegritySource(identity, settings)) {
                restarted.start(publisher);
                FileEvent offlineEdit = awaitEvent(events, hostId, config, r -> r.getEvent().getAction()
                        == FileAction.MODIFIED && r.getFile().getHash().getSha256().equals(
                        sha256("v1\nv2\ntampered\n")));
                assertThat(offlineEdit.getFile().getOriginal().getHash().getSha256()).isEqualTo(sha256("v1\nv2\n"));
                assertThat(awaitEvent(events, hostId, dropped, FileAction.CREATED).getFile().getHash().getSha256())
                        .isEqualTo(sha256("#!/bin/sh\n"));
                FileEvent deleted = awaitEvent(events, hostId, doomed, FileAction.DELETED);
                assertThat(deleted.getFile().getHash()).isNull();
                assertThat(deleted.getFile().getOriginal().getHash().getSha256()).isEqualTo(sha256("old\n"));
                assertThat(restarted.overflows()).isZero();
            }
            assertThat(TestPublishers.dropped(publisher)).isZero();
        }
    }

    /** A file written shows on the scraped /metrics as an event published, beside the process's own figures. */
    @Test
    void aFileWrittenIsCountedOnTheScrapedMetrics(KafkaBroker kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        Path root = Files.createDirectories(tmp.resolve("watched")).toRealPath();
        Path stateDir = tmp.resolve("state");
        CollectorIdentity identity = new CollectorIdentity(
                Host.newBuilder().setName("fim-metrics-it").setId(UUID.randomUUID().toString()).build(),
                Agent.newBuilder().setId(UUID.randomUUID().toString()).setVersion("it").build());
        FileIntegritySettings settings = new FileIntegritySettings(true, List.of(root.toString()), List.of(),
                Duration.ofHours(1), stateDir, null, null);
        try (ServiceMetrics metrics = ServiceMetrics.create("collector", "it");
             OpsServer ops = OpsServer.start(new InetSocketAddress("127.0.0.1", 0),
                     () -> new OpsServer.Health(true, "collector running"), metrics.registry());
             KafkaEventPublisher publisher = TestPublishers.to(kafka.bootstrapServers(), "fim-metrics-it",
                     metrics.registry());
             FileIntegritySource source = new FileIntegritySource(identity, settings)) {
            source.bindTo(metrics.registry());
            source.start(publisher);
            await().atMost(WAIT).until(() -> Files.exists(stateDir.resolve("baseline.pfim")));

            Files.writeString(root.resolve("app.conf"), "v1\n");

            await().atMost(WAIT).untilAsserted(() -> assertThat(scrape(ops)).containsPattern(
                    "(?m)^palisade_collector_events_published_total\\{topic=\"palisade.events.file\"} [1-9]"));
            assertThat(scrape(ops)).containsPattern("(?m)^process_resident_memory_bytes [1-9]")
                    .contains("jvm_memory_used_bytes{area=\"heap\"",
                            "palisade_collector_events_lost_total{reason=\"inotify_overflow\",source=\"file\"} 0.0",
                            "palisade_collector_publish_latency_seconds_bucket{le=\"0.005\"}",
                            "palisade_collector_spool_records 0.0", "kafka_producer_record_send_total{");
        }
    }

    private static String scrape(OpsServer ops) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ops.port() + "/metrics")).build(), BodyHandlers.ofString()).body();
    }

    /**
     * A file rewritten and made setuid in one shell line, within one notification batch: the event must still say the
     * attributes changed, or a rule on setuid bits never sees it (an attacker's append-then-chmod would pass unseen).
     */
    @Test
    void aContentChangeDoesNotHideAnAttributeChangeMadeWithIt(KafkaBroker kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, Topics.all(), (short) 1);
        }
        Path root = Files.createDirectories(tmp.resolve("watched")).toRealPath();
        CollectorIdentity identity = new CollectorIdentity(
                Host.newBuilder().setName("fim-setuid-it").setId(UUID.randomUUID().toString()).build(),
                Agent.newBuilder().setId(UUID.randomUUID().toString()).setVersion("it").build());
        String hostId = identity.host().getId();
        FileIntegritySettings settings = new FileIntegritySettings(true, List.of(root.toString()), List.of(),
                Duration.ofHours(1), tmp.resolve("state"), null, null);
        try (KafkaEventPublisher publisher = TestPublishers.to(kafka.bootstrapServers(), "fim-setuid-it");
             TopicReader<FileEvent> events = new TopicReader<>(kafka.bootstrapServers(), Topics.FILE_EVENTS);
             FileIntegritySource source = new FileIntegritySource(identity, settings)) {
            source.start(publisher);
            await().atMost(WAIT).until(() -> Files.exists(tmp.resolve("state/baseline.pfim")));
            Path tool = Files.writeString(root.resolve("tool"), "#!/bin/sh\n");
            awaitEvent(events, hostId, tool, FileAction.CREATED);

            run("sh", "-c", "echo true >> " + tool + " && chmod 4755 " + tool);

            FileEvent setuid = awaitEvent(events, hostId, tool, FileAction.ATTRIBUTES_CHANGED);
            assertThat(setuid.getFile().getMode()).isEqualTo("4755");
            FileEvent modified = awaitEvent(events, hostId, tool, FileAction.MODIFIED);
            assertThat(modified.getFile().getHash().getSha256()).isEqualTo(sha256("#!/bin/sh\ntrue\n"));
        }
    }

    private static FileEvent awaitEvent(TopicReader<FileEvent> events, String hostId, Path path, FileAction action) {
        return awaitEvent(events, hostId, path, e -> e.getEvent().getAction() == action);
    }

    private static FileEvent awaitEvent(TopicReader<FileEvent> events, String hostId, Path path,
                                        java.util.function.Predicate<FileEvent> matches) {
        return events.await("file event for " + path, r -> hostId.equals(r.key())
                && r.value().getFile().getPath().equals(path.toString()) && matches.test(r.value()), WAIT).value();
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uid(Path file) throws IOException {
        return Files.getAttribute(file, "unix:uid").toString();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor()).as(String.join(" ", command)).isZero();
    }
}
