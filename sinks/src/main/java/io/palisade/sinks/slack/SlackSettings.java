package io.palisade.sinks.slack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the Slack sink posts. Validated at construction, reporting every error at once; no message names a webhook
 * URL.
 *
 * @param routes                the channels; an alert goes to every route whose minimum severity it reaches
 * @param maxMessagesPerMinute  sustained messages per webhook (bursts up to as many); beyond it alerts are summed
 *                              up in digest messages (default {@value #DEFAULT_MAX_MESSAGES_PER_MINUTE}; Slack
 *                              accepts about one message per second per webhook)
 * @param requestTimeout        how long one POST may take (default {@link #DEFAULT_REQUEST_TIMEOUT})
 * @param maxRetryAfter         the longest Retry-After honoured as given; longer ones are waited in steps of this
 *                              (default {@link #DEFAULT_MAX_RETRY_AFTER})
 */
public record SlackSettings(List<SlackRoute> routes, int maxMessagesPerMinute, Duration requestTimeout,
                            Duration maxRetryAfter) {

    public static final int DEFAULT_MAX_MESSAGES_PER_MINUTE = 20;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    public SlackSettings {
        List<String> errors = new ArrayList<>();
        if (routes == null || routes.isEmpty()) {
            errors.add("at least one route is required");
        } else {
            Set<SlackWebhook> webhooks = new HashSet<>();
            for (int i = 0; i < routes.size(); i++) {
                if (!webhooks.add(routes.get(i).webhook())) {
                    errors.add("route " + i + " repeats the webhook of an earlier route");
                }
            }
        }
        if (maxMessagesPerMinute < 1) {
            errors.add("maxMessagesPerMinute must be at least 1, not " + maxMessagesPerMinute);
        }
        if (requestTimeout == null || !requestTimeout.isPositive()) {
            errors.add("requestTimeout must be positive, not " + requestTimeout);
        }
        if (maxRetryAfter == null || !maxRetryAfter.isPositive()) {
            errors.add("maxRetryAfter must be positive, not " + maxRetryAfter);
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid Slack settings: " + String.join("; ", errors));
        }
        routes = List.copyOf(routes);
    }

    /** Settings with every default, for {@code routes}. */
    public static SlackSettings defaults(List<SlackRoute> routes) {
        return new SlackSettings(routes, DEFAULT_MAX_MESSAGES_PER_MINUTE, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_MAX_RETRY_AFTER);
    }

    public SlackSettings withMaxMessagesPerMinute(int max) {
        return new SlackSettings(routes, max, requestTimeout, maxRetryAfter);
    }
}
