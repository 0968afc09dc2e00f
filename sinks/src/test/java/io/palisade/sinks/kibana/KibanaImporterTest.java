package io.palisade.sinks.kibana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The import request as Kibana's saved-objects API expects it, against a local HTTP server answering the way that
 * API answers (no Kibana can run on the build machines; see sinks/README.md).
 */
class KibanaImporterTest {

    private HttpServer server;
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicReference<HttpExchange> received = new AtomicReference<>();
    private final AtomicReference<String> receivedBody = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/kibana/api/saved_objects/_import", exchange -> {
            received.set(exchange);
            receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theNdjsonIsUploadedAsAFilePartWithOverwriteAndTheXsrfHeader() throws Exception {
        answer.set("{\"success\":true,\"successCount\":9}");

        int imported = importer().importSavedObjects();

        assertThat(imported).isEqualTo(9);
        HttpExchange exchange = received.get();
        assertThat(exchange.getRequestURI().getQuery()).isEqualTo("overwrite=true");
        assertThat(exchange.getRequestHeaders().getFirst("kbn-xsrf")).isNotBlank();
        assertThat(exchange.getRequestHeaders().getFirst("Authorization"))
                .isEqualTo(KibanaImporter.basic("elastic", "changeme"));
        assertThat(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(receivedBody.get()).contains("filename=\"palisade-saved-objects.ndjson\"")
                .contains(new String(KibanaSavedObjects.ndjson(), StandardCharsets.UTF_8));
    }

    @Test
    void objectsKibanaRefusesFailTheImportWithKibanasReasons() {
        answer.set("{\"success\":false,\"successCount\":8,\"errors\":[{\"id\":\"palisade-top-hosts\","
                + "\"error\":{\"type\":\"missing_references\"}}]}");

        assertThatThrownBy(() -> importer().importSavedObjects())
                .isInstanceOf(KibanaImporter.KibanaImportException.class)
                .hasMessageContaining("palisade-top-hosts").hasMessageContaining("missing_references");
    }

    private KibanaImporter importer() {
        URI kibana = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/kibana");
        return new KibanaImporter(kibana, Optional.of(KibanaImporter.basic("elastic", "changeme")));
    }
}
