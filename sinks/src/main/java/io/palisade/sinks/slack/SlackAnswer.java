package io.palisade.sinks.slack;

import java.time.Duration;
import java.util.Optional;

/**
 * What a Slack webhook answered.
 *
 * @param status     the HTTP status
 * @param error      the body, which is Slack's error code on failure ({@code invalid_payload}, {@code no_service}...)
 *                   and {@code ok} on success; cut to 100 characters
 * @param retryAfter the Retry-After delay of a 429, when given in seconds
 */
record SlackAnswer(int status, String error, Optional<Duration> retryAfter) {

    /** How the sink reacts to an answer. */
    enum Outcome {
        /** 2xx: posted. */
        DELIVERED,
        /** 429: wait Retry-After, then post again. */
        THROTTLED,
        /** 400: Slack refuses this message; the alert goes to the dead-letter topic with the payload's shape. */
        REJECTED_PAYLOAD,
        /** 401, 403, 404, 410 and other 4xx: the webhook itself is refused; the sink stops, committing nothing. */
        MISCONFIGURED,
        /** 5xx and anything else: retried with backoff. */
        UNAVAILABLE
    }

    Outcome outcome() {
        if (status >= 200 && status < 300) {
            return Outcome.DELIVERED;
        }
        if (status == 429) {
            return Outcome.THROTTLED;
        }
        if (status == 400) {
            return Outcome.REJECTED_PAYLOAD;
        }
        if (status >= 400 && status < 500) {
            return Outcome.MISCONFIGURED;
        }
        return Outcome.UNAVAILABLE;
    }
}
