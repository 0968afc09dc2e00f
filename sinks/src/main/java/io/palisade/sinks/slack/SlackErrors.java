package io.palisade.sinks.slack;

import java.io.IOException;

/**
 * The one classification of Slack sink errors: I/O and server errors (5xx) are retried; a webhook Slack refuses
 * (403 invalid_token, 404 no_service / channel_not_found, 410 channel_is_archived...) is permanent. Throttling (429)
 * and rejected payloads (400) never reach here: the sink waits out the first and dead-letters the second.
 */
public final class SlackErrors {

    private SlackErrors() {
    }

    public static boolean isRetriable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SlackDeliveryException delivery) {
                return delivery.retriable();
            }
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
