package io.palisade.sinks.slack;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import io.palisade.schema.Alert;
import io.palisade.sinks.AlertSink;
import io.palisade.sinks.SinkRecord;
import io.palisade.sinks.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts alerts to Slack incoming webhooks, one Block Kit message per alert ({@link SlackPayloads}), to every route
 * the alert is severe enough for. Reads nothing and writes no topic itself; its runner reads {@code palisade.alerts}
 * and dead-letters to {@code palisade.deadletter} what this sink rejects.
 *
 * <ul>
 *   <li>Beyond {@link SlackSettings#maxMessagesPerMinute()} per webhook, the rest of a batch is summed up in one
 *       digest message ({@link DeliveryPlan}); no alert is dropped.</li>
 *   <li>429: waits the answer's Retry-After (at most {@link SlackSettings#maxRetryAfter()} at a time), then posts
 *       again. The runner's own backoff would ignore Retry-After, so this happens here.</li>
 *   <li>5xx and I/O errors: the write fails as retriable; the runner backs off and retries the batch, and alerts
 *       already posted are not posted again ({@link DeliveredAlerts}).</li>
 *   <li>400 (Slack refuses the message): the alert is a permanent failure, dead-lettered with the payload's shape,
 *       not its content ({@link PayloadShape}).</li>
 *   <li>401/403/404/410 (the webhook is revoked, the channel gone): logged at ERROR and thrown as a permanent error,
 *       so the runner stops this sink without committing. No alert is dead-lettered or lost: once the route is
 *       fixed and the sink restarted, it posts from where it stopped.</li>
 * </ul>
 *
 * <p>The webhook URLs are secrets: logs, exceptions and dead letters name them only as {@link SlackWebhook#toString()}.
 */
public final class SlackAlertSink implements AlertSink {

    private static final Logger log = LoggerFactory.getLogger(SlackAlertSink.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    private final SlackSettings settings;
    private final SlackWebhookClient client;
    private final List<MessageBudget> budgets = new ArrayList<>();
    private final DeliveredAlerts delivered = new DeliveredAlerts();

    public SlackAlertSink(SlackSettings settings) {
        this(settings, System::nanoTime);
    }

    SlackAlertSink(SlackSettings settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.client = new SlackWebhookClient(settings.requestTimeout());
        settings.routes().forEach(route -> budgets.add(new MessageBudget(settings.maxMessagesPerMinute(), nanoTime)));
    }

    @Override
    public WriteResult write(List<SinkRecord> records) throws SlackDeliveryException, InterruptedIOException {
        Map<SinkRecord, WriteResult.Failure> rejected = new LinkedHashMap<>();
        for (int route = 0; route < settings.routes().size(); route++) {
            int index = route;
            SlackRoute slackRoute = settings.routes().get(route);
            List<SinkRecord> pending = records.stream()
                    .filter(record -> slackRoute.accepts(record.alert()) && !delivered.contains(index, record.alert()))
                    .toList();
            if (pending.isEmpty()) {
                continue;
            }
            DeliveryPlan plan = DeliveryPlan.of(pending, budgets.get(route).available());
            for (SinkRecord record : plan.single()) {
                post(route, List.of(record), SlackPayloads.alert(record.alert()), rejected);
            }
            if (!plan.digested().isEmpty()) {
                List<Alert> alerts = plan.digested().stream().map(SinkRecord::alert).toList();
                log.atInfo().addKeyValue("webhook", slackRoute.webhook()).addKeyValue("alerts", alerts.size())
                        .addKeyValue("max_messages_per_minute", settings.maxMessagesPerMinute())
                        .log("Slack rate limit reached, sending a digest");
                post(route, plan.digested(), SlackPayloads.digest(alerts, settings.maxMessagesPerMinute()), rejected);
            }
        }
        return new WriteResult(List.copyOf(rejected.values()));
    }

    /** Posts one message standing for {@code records}, waiting for the budget and for Slack's Retry-After. */
    private void post(int route, List<SinkRecord> records, String payload,
                      Map<SinkRecord, WriteResult.Failure> rejected)
            throws SlackDeliveryException, InterruptedIOException {
        SlackWebhook webhook = settings.routes().get(route).webhook();
        MessageBudget budget = budgets.get(route);
        while (true) {
            sleep(budget.untilNext());
            budget.spend();
            SlackAnswer answer = client.post(webhook, payload);
            switch (answer.outcome()) {
                case DELIVERED -> {
                    records.forEach(record -> delivered.add(route, record.alert()));
                    return;
                }
                case THROTTLED -> {
                    budget.throttled();
                    Duration wait = answer.retryAfter().orElse(DEFAULT_RETRY_AFTER);
                    Duration capped = wait.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : wait;
                    log.atWarn().addKeyValue("webhook", webhook).addKeyValue("retry_after_s", wait.toSeconds())
                            .addKeyValue("waiting_ms", capped.toMillis()).log("Slack is throttling, waiting");
                    sleep(capped);
                }
                case REJECTED_PAYLOAD -> {
                    String reason = "Slack webhook " + webhook + " rejected the message (" + answer.status() + " "
                            + answer.error() + "); payload shape: " + PayloadShape.of(payload);
                    log.atWarn().addKeyValue("webhook", webhook).addKeyValue("error", answer.error())
                            .addKeyValue("alerts", records.size()).log("Slack rejected a message");
                    records.forEach(record -> rejected.putIfAbsent(record,
                            new WriteResult.Failure(record, reason, "slack:" + answer.error(), false)));
                    return;
                }
                case MISCONFIGURED -> {
                    log.atError().addKeyValue("webhook", webhook).addKeyValue("status", answer.status())
                            .addKeyValue("error", answer.error())
                            .log("Slack refuses this webhook: fix the route's webhook_url and restart; the sink "
                                    + "stops and keeps every alert from here on uncommitted");
                    throw new SlackDeliveryException("Slack webhook " + webhook + " refused: " + answer.status()
                            + " " + answer.error(), false);
                }
                case UNAVAILABLE -> throw new SlackDeliveryException("Slack webhook " + webhook + " answered "
                        + answer.status() + " " + answer.error(), true);
            }
        }
    }

    private static void sleep(Duration delay) throws InterruptedIOException {
        if (!delay.isPositive()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to post to Slack");
        }
    }

    @Override
    public boolean isRetriable(Throwable error) {
        return SlackErrors.isRetriable(error);
    }

    @Override
    public void close() {
        client.close();
    }
}
