package io.palisade.sinks.slack;

import io.palisade.schema.Severity;

/** How a severity looks in Slack: the attachment's side colour and an emoji, warmer and louder as it rises. */
record SeverityStyle(String color, String emoji) {

    static SeverityStyle of(Severity severity) {
        return switch (severity) {
            case DEBUG -> new SeverityStyle("#9e9e9e", ":mag:");
            case INFORMATIONAL -> new SeverityStyle("#439fe0", ":information_source:");
            case NOTICE -> new SeverityStyle("#2eb886", ":large_blue_circle:");
            case WARNING -> new SeverityStyle("#ecb22e", ":warning:");
            case ERROR -> new SeverityStyle("#e8912d", ":red_circle:");
            case CRITICAL -> new SeverityStyle("#e01e5a", ":rotating_light:");
            case ALERT -> new SeverityStyle("#b0003a", ":rotating_light:");
            case EMERGENCY -> new SeverityStyle("#5c0011", ":sos:");
        };
    }
}
