package io.palisade.cli.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The health and metrics endpoint every long-running Palisade process exposes: {@code GET /health} answers 200 when
 * the process is healthy and 503 otherwise, with a one-line reason; {@code GET /metrics} answers Prometheus text.
 * The JDK's own HTTP server is enough for two scrape targets and adds no dependency.
 */
public final class OpsServer implements AutoCloseable {

    /** What {@code /health} reports. */
    public record Health(boolean healthy, String detail) {
    }

    private final HttpServer server;

    private OpsServer(HttpServer server) {
        this.server = server;
    }

    /** Serves on {@code address} (port 0 picks a free one) until closed. */
    public static OpsServer start(InetSocketAddress address, Supplier<Health> health, Supplier<String> metrics) {
        try {
            HttpServer server = HttpServer.create(address, 0);
            server.createContext("/health", exchange -> {
                Health h = health.get();
                respond(exchange, h.healthy() ? 200 : 503, "text/plain", (h.healthy() ? "UP " : "DOWN ") + h.detail() + "\n");
            });
            server.createContext("/metrics", exchange ->
                    respond(exchange, 200, "text/plain; version=0.0.4", metrics.get()));
            server.start();
            return new OpsServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve health and metrics on " + address, e);
        }
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
