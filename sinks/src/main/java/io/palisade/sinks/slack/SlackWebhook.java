package io.palisade.sinks.slack;

import java.net.URI;
import java.util.Objects;

/**
 * A Slack incoming-webhook URL. The URL is a secret (whoever has it can post to the channel), so {@link #toString()}
 * gives only a redacted form, host and last four characters, and {@link #scrub} removes the URL from any text that
 * might carry it (an exception message from the HTTP client) before it is logged or stored.
 */
public final class SlackWebhook {

    private final URI url;
    private final String redacted;

    private SlackWebhook(URI url) {
        this.url = url;
        String text = url.toString();
        this.redacted = url.getHost() + "/…" + text.substring(Math.max(0, text.length() - 4));
    }

    /**
     * @throws IllegalArgumentException when {@code url} is not an absolute https URL (http only to a loopback
     *                                  address, for tests); the message never repeats the URL
     */
    public static SlackWebhook of(String url) {
        Objects.requireNonNull(url, "webhook url");
        URI parsed;
        try {
            parsed = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhook url is not a valid URL");
        }
        boolean https = "https".equals(parsed.getScheme());
        boolean loopbackHttp = "http".equals(parsed.getScheme())
                && ("127.0.0.1".equals(parsed.getHost()) || "localhost".equals(parsed.getHost()));
        if (parsed.getHost() == null || !(https || loopbackHttp)) {
            throw new IllegalArgumentException("webhook url must be an https URL with a host");
        }
        return new SlackWebhook(parsed);
    }

    /** The URL itself, for the HTTP request only. */
    URI url() {
        return url;
    }

    /** {@code text} with every occurrence of the URL, or of its path (which holds the token), redacted. */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String scrubbed = text.replace(url.toString(), redacted);
        String path = url.getRawPath();
        return path == null || path.length() < 2 ? scrubbed : scrubbed.replace(path, "/…");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SlackWebhook webhook && webhook.url.equals(url);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    /** The redacted form, e.g. {@code hooks.slack.com/…x9Qz}: safe for logs. */
    @Override
    public String toString() {
        return redacted;
    }
}
