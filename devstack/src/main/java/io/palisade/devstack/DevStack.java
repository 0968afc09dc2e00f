package io.palisade.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The three real servers Palisade talks to — a Kafka broker, an Elasticsearch node and an S3-compatible store —
 * started side by side on free loopback ports. Used by the quickstart and by {@code palisade devstack}.
 */
public final class DevStack implements AutoCloseable {

    private final KafkaBroker kafka;
    private final ElasticsearchNode elasticsearch;
    private final S3Server s3;
    private Duration startupTime = Duration.ZERO;

    private DevStack(Path workDir, Path logDir) {
        this.kafka = new KafkaBroker(workDir.resolve("kafka"), logDir);
        this.elasticsearch = new ElasticsearchNode(workDir.resolve("elasticsearch"), logDir);
        this.s3 = new S3Server(workDir.resolve("s3proxy"), logDir);
    }

    /** A stack whose data lives under a new temporary directory and whose logs go to {@code logDir}. */
    public static DevStack inTemporaryDirectory(Path logDir) {
        try {
            return new DevStack(Files.createTempDirectory("palisade-devstack-"), logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a devstack work directory", e);
        }
    }

    /** Starts the three servers in parallel and waits until each one answers. */
    public DevStack start() {
        long began = System.nanoTime();
        // One thread per server: the common pool has a single thread on two cores and would start them in turn.
        try (ExecutorService starters = Executors.newFixedThreadPool(servers().size())) {
            List<CompletableFuture<Void>> starts = servers().stream()
                    .map(server -> CompletableFuture.runAsync(server::start, starters))
                    .toList();
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            close();
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        startupTime = Duration.ofNanos(System.nanoTime() - began);
        return this;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public ElasticsearchNode elasticsearch() {
        return elasticsearch;
    }

    public S3Server s3() {
        return s3;
    }

    public List<ManagedServer> servers() {
        return List.of(kafka, elasticsearch, s3);
    }

    /** Wall time of the last {@link #start()}, all servers together. */
    public Duration startupTime() {
        return startupTime;
    }

    @Override
    public void close() {
        servers().parallelStream().forEach(ManagedServer::close);
    }
}
