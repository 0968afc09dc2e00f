package io.palisade.sinks.slack;

/**
 * A message could not be delivered to a Slack webhook. The message names the webhook only in its redacted form and
 * carries no cause whose text could hold the URL.
 */
public final class SlackDeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean retriable;

    SlackDeliveryException(String message, boolean retriable) {
        super(message);
        this.retriable = retriable;
    }

    /** True when the same message may be delivered later (Slack or the network is down); false for a webhook Slack
     * refuses for good (revoked, channel gone), which only a configuration change fixes. */
    public boolean retriable() {
        return retriable;
    }
}
