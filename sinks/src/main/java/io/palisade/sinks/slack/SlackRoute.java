package io.palisade.sinks.slack;

import java.util.Objects;

import io.palisade.schema.Alert;
import io.palisade.schema.Severity;

/**
 * One Slack channel (one incoming webhook) and the least severe alerts it wants. An alert goes to every route it
 * is severe enough for, so a channel for critical alerts adds to a channel for all alerts rather than taking
 * alerts away from it.
 *
 * @param minimumSeverity the least severe level posted to this channel
 * @param webhook         the channel's incoming webhook
 */
public record SlackRoute(Severity minimumSeverity, SlackWebhook webhook) {

    public SlackRoute {
        Objects.requireNonNull(minimumSeverity, "minimumSeverity");
        Objects.requireNonNull(webhook, "webhook");
    }

    boolean accepts(Alert alert) {
        return alert.getRule().getSeverity().compareTo(minimumSeverity) >= 0;
    }
}
