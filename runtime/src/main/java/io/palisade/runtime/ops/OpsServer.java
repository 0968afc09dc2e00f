package io.palisade.runtime.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The health and metrics endpoint every long-running Palisade process exposes: {@code GET /health} answers 200 when
 * the process is healthy and 503 otherwise, with a one-line reason; {@code GET /metrics} answers the registry in
 * Prometheus text format 0.0.4, or in OpenMetrics when the scraper's {@code Accept} header asks for it.
 * The JDK's own HTTP server is enough for two scrape targets and adds no dependency.
 */
public final class OpsServer implements AutoCloseable {

    /** What {@code /health} reports. */
    public record Health(boolean healthy, String detail) {
    }

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final HttpServer server;

    private OpsServer(HttpServer server) {
        this.server = server;
    }

    /** Serves on {@code address} (port 0 picks a free one) until closed. */
    public static OpsServer start(InetSocketAddress address, Supplier<Health> health,
                                  PrometheusMeterRegistry registry) {
        try {
            HttpServer server = HttpServer.create(address, 0);
            server.createContext("/health", exchange -> {
                Health h = health.get();
                respond(exchange, h.healthy() ? 200 : 503, "text/plain",
                        (h.healthy() ? "UP " : "DOWN ") + h.detail() + "\n");
            });
            server.createContext("/metrics", exchange -> {
                String format = contentType(exchange.getRequestHeaders().getFirst("Accept"));
                respond(exchange, 200, format, registry.scrape(format));
            });
            server.start();
            return new OpsServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve health and metrics on " + address, e);
        }
    }

    /**
     * Our own choice rather than the raw header handed to the registry: it would answer a protobuf request with
     * text when the protobuf writer is absent, and the response's content type must name what was written.
     */
    static String contentType(String accept) {
        return accept != null && accept.contains("application/openmetrics-text") ? OPEN_METRICS : PROMETHEUS_TEXT;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
