package io.palisade.sinks.slack;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** Posts JSON messages to Slack incoming webhooks. Its errors never carry the webhook URL. */
final class SlackWebhookClient implements AutoCloseable {

    private static final int MAX_ERROR_LENGTH = 100;

    private final HttpClient http;
    private final Duration timeout;

    SlackWebhookClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /**
     * @throws SlackDeliveryException (retriable) when no answer came: connection refused or reset, timeout
     * @throws InterruptedIOException when interrupted, with the interrupt flag set again
     */
    SlackAnswer post(SlackWebhook webhook, String payload) throws SlackDeliveryException, InterruptedIOException {
        HttpRequest request = HttpRequest.newBuilder(webhook.url())
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The cause is left out on purpose: its message, or one of its causes', may quote the URL.
            throw new SlackDeliveryException("cannot reach Slack webhook " + webhook + ": "
                    + e.getClass().getSimpleName() + " " + webhook.scrub(String.valueOf(e.getMessage())), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while posting to Slack webhook " + webhook);
        }
        String body = webhook.scrub(response.body().strip());
        String error = body.length() <= MAX_ERROR_LENGTH ? body : body.substring(0, MAX_ERROR_LENGTH);
        return new SlackAnswer(response.statusCode(), error, retryAfter(response));
    }

    /** Slack gives Retry-After in seconds; an HTTP date or garbage is ignored (the sink then waits its default). */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void close() {
        http.close();
    }
}
