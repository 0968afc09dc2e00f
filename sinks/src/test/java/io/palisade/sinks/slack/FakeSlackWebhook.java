package io.palisade.sinks.slack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server answering like a Slack incoming webhook: 200 {@code ok} for a valid message, 400 with Slack's
 * error code for an invalid one (not JSON, no text/blocks/attachments, too many or too long blocks), and whatever a
 * test scripts first (429 with Retry-After, 500, 404 {@code no_service}...). Records every request with the time it
 * arrived, so tests assert what Slack would have seen.
 */
final class FakeSlackWebhook implements AutoCloseable {

    /** One request as received, with the answer given. */
    record Received(long nanoTime, int status, String error, String body, JsonNode json) {

        boolean accepted() {
            return status == 200;
        }

        String text() {
            return json == null ? null : json.path("text").asText();
        }
    }

    private record Answer(int status, String body, Map<String, String> headers) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATH = "/services/T0FAKE0001/B0FAKE0002/";

    private final String secret;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();

    FakeSlackWebhook(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The webhook URL, holding the secret the way Slack's do. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH + secret;
    }

    /** The next requests get these answers, in order, whatever they carry. */
    FakeSlackWebhook thenAnswer(int status, String body) {
        script.add(new Answer(status, body, Map.of()));
        return this;
    }

    FakeSlackWebhook thenThrottle(int retryAfterSeconds) {
        script.add(new Answer(429, "rate_limited", Map.of("Retry-After", String.valueOf(retryAfterSeconds))));
        return this;
    }

    /** Every request whose body contains {@code marker} is answered 400 invalid_payload, as long as this server runs. */
    FakeSlackWebhook rejectBodiesContaining(String marker) {
        rejected.add(marker);
        return this;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> accepted() {
        return received.stream().filter(Received::accepted).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode json = parse(body);
            Answer answer;
            if (!exchange.getRequestURI().getPath().equals(PATH + secret)) {
                answer = new Answer(404, "no_service", Map.of());
            } else if (!"POST".equals(exchange.getRequestMethod())) {
                answer = new Answer(405, "invalid_method", Map.of());
            } else {
                Answer scripted = script.poll();
                if (scripted != null) {
                    answer = scripted;
                } else if (rejected.stream().anyMatch(body::contains)) {
                    answer = new Answer(400, "invalid_payload", Map.of());
                } else {
                    answer = validate(json);
                }
            }
            received.add(new Received(System.nanoTime(), answer.status(), answer.body(), body, json));
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The error code Slack would answer for {@code payload}, or {@code ok}. */
    static String slackWouldAnswer(String payload) {
        return validate(parse(payload)).body();
    }

    /** Slack's checks, as far as its documented limits go. */
    private static Answer validate(JsonNode json) {
        if (json == null || !json.isObject()) {
            return new Answer(400, "invalid_payload", Map.of());
        }
        boolean hasText = json.path("text").isTextual() && !json.path("text").asText().isBlank();
        if (!hasText && !json.has("blocks") && !json.has("attachments")) {
            return new Answer(400, "missing_text_or_fallback_or_attachments", Map.of());
        }
        List<String> problems = new ArrayList<>();
        checkBlocks(json.path("blocks"), problems);
        json.path("attachments").forEach(attachment -> checkBlocks(attachment.path("blocks"), problems));
        return problems.isEmpty() ? new Answer(200, "ok", Map.of()) : new Answer(400, "invalid_blocks", Map.of());
    }

    private static void checkBlocks(JsonNode blocks, List<String> problems) {
        if (blocks.isMissingNode()) {
            return;
        }
        if (!blocks.isArray() || blocks.size() > 50) {
            problems.add("blocks must be an array of at most 50");
            return;
        }
        for (JsonNode block : blocks) {
            String type = block.path("type").asText();
            switch (type) {
                case "header" -> checkText(block.path("text"), "plain_text", 150, problems);
                case "section" -> {
                    if (block.has("text")) {
                        checkText(block.path("text"), null, 3000, problems);
                    }
                    if (block.has("fields")) {
                        if (block.path("fields").size() > 10) {
                            problems.add("more than 10 fields");
                        }
                        block.path("fields").forEach(field -> checkText(field, null, 2000, problems));
                    }
                    if (!block.has("text") && !block.has("fields")) {
                        problems.add("section without text or fields");
                    }
                }
                case "context" -> block.path("elements").forEach(element -> checkText(element, null, 3000, problems));
                case "divider" -> {
                }
                default -> problems.add("unknown block type " + type);
            }
        }
    }

    private static void checkText(JsonNode text, String requiredType, int limit, List<String> problems) {
        String type = text.path("type").asText();
        if (!type.equals("mrkdwn") && !type.equals("plain_text") || requiredType != null && !type.equals(requiredType)) {
            problems.add("bad text type " + type);
        }
        String content = text.path("text").asText("");
        if (content.isEmpty() || content.length() > limit) {
            problems.add("text of " + content.length() + " characters (limit " + limit + ")");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
