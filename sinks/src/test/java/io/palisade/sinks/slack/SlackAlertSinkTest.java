package io.palisade.sinks.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.palisade.schema.Alert;
import io.palisade.schema.Samples;
import io.palisade.schema.Severity;
import io.palisade.schema.topic.Topics;
import io.palisade.sinks.SinkRecord;
import io.palisade.sinks.TestAlerts;
import io.palisade.sinks.WriteResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Slack sink against a real HTTP server answering like Slack's webhook endpoint. */
class SlackAlertSinkTest {

    private static final String SECRET = "xZ9secretTokenQ4w7";
    private static final Pattern DIGEST = Pattern.compile("Palisade digest: (\\d+) alerts");

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    @Test
    void anAlertGoesToEveryRouteItIsSevereEnoughFor() throws Exception {
        FakeSlackWebhook everything = fake();
        FakeSlackWebhook onCall = fake("onCallSecret42");
        SlackAlertSink sink = sink(SlackSettings.defaults(List.of(
                new SlackRoute(Severity.NOTICE, SlackWebhook.of(everything.url())),
                new SlackRoute(Severity.CRITICAL, SlackWebhook.of(onCall.url())))));

        WriteResult result = sink.write(records(
                TestAlerts.minimal("w-1", "PAL-W", Severity.WARNING),
                TestAlerts.minimal("c-1", "PAL-C", Severity.CRITICAL),
                TestAlerts.minimal("d-1", "PAL-D", Severity.DEBUG)));

        assertThat(result.failures()).isEmpty();
        assertThat(everything.accepted()).extracting(FakeSlackWebhook.Received::text)
                .satisfiesExactlyInAnyOrder(text -> assertThat(text).contains("alert w-1"),
                        text -> assertThat(text).contains("alert c-1"));
        assertThat(onCall.accepted()).singleElement().extracting(FakeSlackWebhook.Received::text)
                .asString().contains("alert c-1");
    }

    @Test
    void throttledMessagesArePostedAgainAfterRetryAfter() throws Exception {
        FakeSlackWebhook slack = fake().thenThrottle(2);
        SlackAlertSink sink = sink(settings(slack));

        WriteResult result = sink.write(records(TestAlerts.minimal("t-1", "PAL-T", Severity.ERROR)));

        assertThat(result.failures()).isEmpty();
        List<FakeSlackWebhook.Received> received = slack.received();
        assertThat(received).extracting(FakeSlackWebhook.Received::status).containsExactly(429, 200);
        assertThat(Duration.ofNanos(received.get(1).nanoTime() - received.get(0).nanoTime()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aServerErrorIsRetriableAndEachAlertIsPostedOnceInTheEnd() throws Exception {
        FakeSlackWebhook slack = fake().thenAnswer(200, "ok").thenAnswer(500, "internal_error");
        SlackAlertSink sink = sink(settings(slack));
        List<SinkRecord> batch = records(TestAlerts.minimal("s-1", "PAL-S", Severity.ERROR),
                TestAlerts.minimal("s-2", "PAL-S", Severity.ERROR), TestAlerts.minimal("s-3", "PAL-S", Severity.ERROR));

        assertThatThrownBy(() -> sink.write(batch)).isInstanceOf(SlackDeliveryException.class)
                .satisfies(error -> assertThat(sink.isRetriable(error)).isTrue());
        // What the runner does after its backoff: the same batch again.
        WriteResult result = sink.write(batch);

        assertThat(result.failures()).isEmpty();
        assertThat(slack.accepted()).extracting(FakeSlackWebhook.Received::text)
                .satisfiesExactly(text -> assertThat(text).contains("alert s-1"),
                        text -> assertThat(text).contains("alert s-2"),
                        text -> assertThat(text).contains("alert s-3"));
    }

    @Test
    void aRejectedMessageIsDeadLetteredWithItsShapeNotItsContent() throws Exception {
        FakeSlackWebhook slack = fake().thenAnswer(400, "invalid_payload");
        SlackAlertSink sink = sink(settings(slack));
        List<SinkRecord> batch = records(Samples.alert());

        WriteResult result = sink.write(batch);

        assertThat(result.retriableFailures()).isEmpty();
        WriteResult.Failure failure = result.permanentFailures().getFirst();
        assertThat(result.permanentFailures()).hasSize(1);
        assertThat(failure.record()).isEqualTo(batch.getFirst());
        assertThat(failure.errorType()).isEqualTo("slack:invalid_payload");
        assertThat(failure.reason())
                .contains("invalid_payload")
                .contains("payload shape: {text:string(")
                .contains("attachments:array(1)[{color:string(7),blocks:array(7)[")
                .doesNotContain("Shell sh spawned", "/etc/shadow", "web-1", SECRET);
    }

    @Test
    void aWebhookSlackRefusesStopsTheSinkLoudlyInsteadOfDeadLetteringEveryAlert() throws Exception {
        FakeSlackWebhook slack = fake().thenAnswer(404, "no_service");
        SlackAlertSink sink = sink(settings(slack));

        try (LogCapture logs = new LogCapture()) {
            assertThatThrownBy(() -> sink.write(records(Samples.alert())))
                    .isInstanceOf(SlackDeliveryException.class)
                    .hasMessageContaining("404 no_service")
                    .satisfies(error -> assertThat(sink.isRetriable(error)).isFalse());
            assertThat(logs.lines()).anyMatch(line -> line.startsWith("ERROR") && line.contains("no_service"));
        }
    }

    @Test
    void aBurstBeyondTheRateLimitIsSummedUpInDigestsThatCountEveryAlert() throws Exception {
        FakeSlackWebhook slack = fake();
        int perMinute = 60;
        SlackAlertSink sink = sink(settings(slack).withMaxMessagesPerMinute(perMinute));
        long started = System.nanoTime();

        for (int batch = 0; batch < 10; batch++) {
            List<Alert> alerts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                alerts.add(TestAlerts.minimal("b-" + batch + "-" + i, "PAL-B" + (i % 3), Severity.WARNING));
            }
            assertThat(sink.write(records(alerts)).failures()).isEmpty();
        }
        long elapsedSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        List<FakeSlackWebhook.Received> messages = slack.received();
        assertThat(messages).allMatch(FakeSlackWebhook.Received::accepted);
        long digests = messages.stream().filter(message -> DIGEST.matcher(message.text()).find()).count();
        long alertsInMessages = messages.stream().mapToLong(message -> {
            Matcher digest = DIGEST.matcher(message.text());
            return digest.find() ? Long.parseLong(digest.group(1)) : 1;
        }).sum();
        assertThat(alertsInMessages).isEqualTo(500);
        assertThat(digests).isPositive();
        // The budget: a burst of perMinute, then one a second.
        assertThat(messages.size()).isLessThanOrEqualTo(perMinute + (int) elapsedSeconds + 1);
    }

    @Test
    void theWebhookUrlNeverAppearsInLogsErrorsOrDeadLetters() throws Exception {
        FakeSlackWebhook slack = fake().thenThrottle(0).thenAnswer(500, "internal_error")
                .thenAnswer(400, "invalid_payload").thenAnswer(403, "invalid_token");
        String unreachable = "http://127.0.0.1:" + closedPort() + "/services/T0FAKE0001/B0FAKE0002/" + SECRET;
        List<String> seen = new ArrayList<>();

        try (LogCapture logs = new LogCapture()) {
            // A generous budget: this test is about what is logged, not about pacing.
            SlackAlertSink sink = sink(settings(slack).withMaxMessagesPerMinute(600));
            List<SinkRecord> batch = records(Samples.alert());
            seen.add(messageOf(() -> sink.write(batch)));
            WriteResult rejected = sink.write(batch);
            rejected.failures().forEach(failure -> seen.add(failure.reason() + " " + failure.errorType()));
            seen.add(messageOf(() -> sink.write(batch)));
            SlackAlertSink down = sink(SlackSettings.defaults(List.of(
                    new SlackRoute(Severity.DEBUG, SlackWebhook.of(unreachable)))));
            seen.add(messageOf(() -> down.write(batch)));
            seen.add(String.valueOf(SlackWebhook.of(unreachable)));
            seen.addAll(logs.lines());
        }

        assertThat(slack.received()).extracting(FakeSlackWebhook.Received::status)
                .containsExactly(429, 500, 400, 403);
        assertThat(seen).anyMatch(text -> text.startsWith("WARN Slack is throttling"))
                .anyMatch(text -> text.startsWith("ERROR Slack refuses this webhook"))
                .noneMatch(text -> text.contains(SECRET));
        assertThat(String.join("\n", seen)).contains("127.0.0.1/…").contains("Q4w7");
    }

    @Test
    void settingsNeverRepeatTheUrlTheyReject() {
        assertThatThrownBy(() -> SlackWebhook.of("http://hooks.slack.com/services/T0/B0/" + SECRET))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain(SECRET);
        assertThatThrownBy(() -> SlackWebhook.of("https://hooks slack/" + SECRET))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain(SECRET);
    }

    private interface Write {
        WriteResult run() throws Exception;
    }

    private static String messageOf(Write write) {
        try {
            write.run();
            throw new AssertionError("the write should have failed");
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private FakeSlackWebhook fake() throws IOException {
        return fake(SECRET);
    }

    private FakeSlackWebhook fake(String secret) throws IOException {
        FakeSlackWebhook fake = new FakeSlackWebhook(secret);
        opened.add(fake);
        return fake;
    }

    private SlackAlertSink sink(SlackSettings settings) {
        SlackAlertSink sink = new SlackAlertSink(settings);
        opened.add(sink);
        return sink;
    }

    private static SlackSettings settings(FakeSlackWebhook slack) {
        return SlackSettings.defaults(List.of(new SlackRoute(Severity.DEBUG, SlackWebhook.of(slack.url()))));
    }

    static List<SinkRecord> records(Alert... alerts) {
        return records(List.of(alerts));
    }

    static List<SinkRecord> records(List<Alert> alerts) {
        List<SinkRecord> records = new ArrayList<>();
        for (Alert alert : alerts) {
            records.add(new SinkRecord(alert, new ConsumerRecord<>(Topics.ALERTS.name(), 0, records.size(),
                    alert.getId().getBytes(StandardCharsets.UTF_8), new byte[] {1})));
        }
        return records;
    }
}
