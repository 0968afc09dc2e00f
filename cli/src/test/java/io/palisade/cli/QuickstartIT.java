package io.palisade.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palisade.devstack.DockerEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import picocli.CommandLine;

/** The quickstart, headless and in-process, seen from a script: endpoints, JSON alerts, Elasticsearch, clean stop. */
@EnabledIfEnvironmentVariable(named = "DOCKER_HOST", matches = ".+")
class QuickstartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aPrivilegedContainerIsAlertedOnStandardOutputAndInElasticsearch(@TempDir Path dataDir) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread quickstart = Thread.ofPlatform().name("quickstart-under-test").start(() -> exitCode.set(
                new CommandLine(new Palisade()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                        .execute("quickstart", "--headless", "--data-dir", dataDir.toString())));
        Map<String, String> endpoints = Map.of();
        try {
            await("ready=true on standard output; stderr so far:\n" + err).atMost(Duration.ofMinutes(4))
                    .until(() -> out.toString().contains("ready=true\n") || !quickstart.isAlive());
            endpoints = out.toString().lines().filter(line -> line.contains("=")
                    && !line.startsWith("{")).collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                    line -> line.substring(line.indexOf('=') + 1), (a, b) -> b));
            assertThat(err.toString()).as("a Docker Engine answers at DOCKER_HOST, so no source may be off")
                    .doesNotContain("off or limited: container");
            assertThat(endpoints).containsKeys("kafka.bootstrap_servers", "elasticsearch.url", "s3.endpoint",
                    "s3.bucket", "s3.access_key", "s3.secret_key").containsEntry("ready", "true");

            try (GenericContainer<?> privileged = new GenericContainer<>(
                    DockerImageName.parse(DockerEnvironment.testImage()))
                    .withPrivilegedMode(true).withCommand("sleep", "300")) {
                privileged.start();
                String containerId = privileged.getContainerId();

                JsonNode printed = await("PAL-CNT-001 for " + containerId + " on standard output")
                        .atMost(Duration.ofMinutes(2)).until(() -> alertFor(out, containerId), Optional::isPresent)
                        .orElseThrow();
                assertThat(printed.at("/rule/severity").asText()).isNotBlank();
                assertThat(printed.at("/container/image/name").isMissingNode()).isFalse();

                URI search = URI.create(endpoints.get("elasticsearch.url") + "/palisade-alerts-*/_search?q="
                        + URLEncoder.encode("container.id:\"" + containerId + "\" AND rule.id:\"PAL-CNT-001\"",
                        StandardCharsets.UTF_8));
                await("PAL-CNT-001 for " + containerId + " in Elasticsearch").atMost(Duration.ofMinutes(1))
                        .until(() -> hits(search) >= 1);
            }
        } catch (Exception | AssertionError failure) {
            PipelineEvidence.keep("QuickstartIT", endpoints.get("kafka.bootstrap_servers"), out.toString(),
                    err.toString());
            throw failure;
        } finally {
            quickstart.interrupt();
            quickstart.join(Duration.ofMinutes(2));
        }
        assertThat(quickstart.isAlive()).isFalse();
        assertThat(exitCode.get()).isZero();
        assertThat(err.toString()).contains("Palisade stopped");
    }

    private static Optional<JsonNode> alertFor(StringWriter out, String containerId) {
        return out.toString().lines().filter(line -> line.startsWith("{")).map(QuickstartIT::parse)
                .filter(alert -> alert.at("/rule/id").asText().equals("PAL-CNT-001")
                        && alert.at("/container/id").asText().equals(containerId))
                .findFirst();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }

    private static long hits(URI search) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(search).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return 0;
        }
        return JSON.readTree(response.body()).at("/hits/total/value").asLong();
    }
}
