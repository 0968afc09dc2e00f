package io.palisade.sinks.slack;

import static io.palisade.sinks.slack.SlackText.FIELD_LIMIT;
import static io.palisade.sinks.slack.SlackText.HEADER_LIMIT;
import static io.palisade.sinks.slack.SlackText.SECTION_LIMIT;
import static io.palisade.sinks.slack.SlackText.code;
import static io.palisade.sinks.slack.SlackText.fit;
import static io.palisade.sinks.slack.SlackText.fitPlain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.palisade.schema.Alert;
import io.palisade.schema.Container;
import io.palisade.schema.Process;
import io.palisade.schema.Severity;
import io.palisade.schema.Threat;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The Slack messages of the sink, as the JSON bodies posted to an incoming webhook: one message per alert, or one
 * digest standing for many. Pure functions of their arguments, tested against golden files.
 *
 * <p>Each message has a top-level {@code text} (the notification and the fallback where blocks are not shown) and
 * one attachment carrying the severity colour and the Block Kit blocks. Every piece of alert text is escaped and
 * cut to Slack's limits ({@link SlackText}); a message has at most eight blocks, far from Slack's 50.
 */
public final class SlackPayloads {

    /** Rules and hosts listed by name in a digest; the rest are summed up on one line. */
    static final int DIGEST_TOP = 15;

    private static final Pattern TECHNIQUE = Pattern.compile("(T\\d{4})(?:\\.(\\d{3}))?");
    private static final int SHORT_CONTAINER_ID = 12;

    private SlackPayloads() {
    }

    /** The message for one alert. */
    public static String alert(Alert alert) {
        Severity severity = alert.getRule().getSeverity();
        SeverityStyle style = SeverityStyle.of(severity);
        List<JsonObject> blocks = new ArrayList<>();
        blocks.add(header(style.emoji() + " " + severity + ": " + alert.getRule().getName()));
        blocks.add(section(fit(alert.getMessage(), SECTION_LIMIT)));
        blocks.add(fields(overview(alert)));
        if (alert.getProcess() != null) {
            blocks.add(section(process(alert.getProcess())));
        }
        if (alert.getFile() != null) {
            blocks.add(section("*File*\n" + code(alert.getFile().getPath(), SECTION_LIMIT - 10)));
        }
        if (alert.getThreat() != null) {
            blocks.add(section(threat(alert.getThreat())));
        }
        blocks.add(context("Alert " + code(alert.getId(), SECTION_LIMIT - 10)));
        String host = alert.getHost() == null ? "" : " on " + alert.getHost().getName();
        String text = style.emoji() + " " + severity + " " + alert.getRule().getId() + " " + alert.getRule().getName()
                + host + ": " + alert.getMessage();
        return message(fit(text, SECTION_LIMIT), style.color(), blocks);
    }

    /**
     * The message standing for {@code alerts}, sent instead of one message each when a channel's rate limit is
     * reached.
     *
     * @param maxMessagesPerMinute the limit, to tell readers why they get a digest
     */
    public static String digest(List<Alert> alerts, int maxMessagesPerMinute) {
        AlertDigest digest = AlertDigest.of(alerts);
        SeverityStyle style = SeverityStyle.of(digest.maxSeverity());
        String title = "Palisade digest: " + digest.total() + " alerts";
        List<JsonObject> blocks = new ArrayList<>();
        blocks.add(header(style.emoji() + " " + title));
        blocks.add(section("*" + digest.total() + " alerts* seen between " + date(digest.firstSeen()) + " and "
                + date(digest.lastSeen()) + ", summed up in one message because this channel's limit of "
                + maxMessagesPerMinute + " messages a minute was reached. Each alert is still on palisade.alerts."));
        StringBuilder severities = new StringBuilder("*By severity*");
        for (Map.Entry<Severity, Long> entry : digest.bySeverity().entrySet()) {
            severities.append('\n').append(SeverityStyle.of(entry.getKey()).emoji()).append(' ')
                    .append(entry.getKey()).append(": ").append(entry.getValue());
        }
        blocks.add(section(severities.toString()));
        blocks.add(section(tally("*By rule*", digest.byRule(), "other rules",
                rule -> code(rule.key(), 60) + " " + fit(rule.label(), 90))));
        blocks.add(section(tally("*Top hosts*", digest.byHost(), "other hosts",
                host -> host.key() == null ? "_no host_" : fit(host.key(), 150))));
        String text = style.emoji() + " " + title + " (" + severitySummary(digest) + ")";
        return message(text, style.color(), blocks);
    }

    /** The Slack path of a MITRE ATT&CK technique page, or null for an id that is not one. */
    static String techniqueUrl(String techniqueId) {
        Matcher id = TECHNIQUE.matcher(techniqueId);
        if (!id.matches()) {
            return null;
        }
        String sub = id.group(2) == null ? "" : id.group(2) + "/";
        return "https://attack.mitre.org/techniques/" + id.group(1) + "/" + sub;
    }

    private static List<String> overview(Alert alert) {
        List<String> fields = new ArrayList<>();
        fields.add("*Rule*\n" + code(alert.getRule().getId(), 200) + " " + fit(alert.getRule().getName(), 1500));
        if (alert.getHost() != null) {
            fields.add("*Host*\n" + fit(alert.getHost().getName(), FIELD_LIMIT - 10));
        }
        if (alert.getContainer() != null) {
            fields.add(container(alert.getContainer()));
        }
        fields.add(seen(alert));
        return fields;
    }

    private static String container(Container container) {
        String id = container.getId();
        StringBuilder text = new StringBuilder("*Container*\n");
        if (container.getName() != null) {
            text.append(fit(container.getName(), 500)).append(' ');
        }
        text.append(code(id.substring(0, Math.min(SHORT_CONTAINER_ID, id.length())), 20));
        if (container.getImage() != null) {
            text.append('\n').append(fit(container.getImage().getName(), 1000));
        }
        return text.toString();
    }

    private static String seen(Alert alert) {
        if (alert.getCount() > 1) {
            return "*Seen*\n×" + alert.getCount() + " since " + date(alert.getFirstSeen()) + "\nlast "
                    + date(alert.getLastSeen());
        }
        return "*Seen*\n" + date(alert.getFirstSeen());
    }

    private static String process(Process process) {
        StringBuilder text = new StringBuilder("*Process*");
        if (process.getExecutable() != null) {
            text.append(' ').append(code(process.getExecutable(), 500));
        }
        text.append(" pid ").append(process.getPid());
        if (process.getParent() != null && process.getParent().getName() != null) {
            text.append(", parent ").append(code(process.getParent().getName(), 200));
        }
        if (!process.getArgs().isEmpty()) {
            text.append('\n').append(code(String.join(" ", process.getArgs()), 2000));
        }
        return text.toString();
    }

    private static String threat(Threat threat) {
        String id = threat.getTechnique().getId();
        String label = fit(id + " " + threat.getTechnique().getName(), 500);
        String url = techniqueUrl(id);
        StringBuilder text = new StringBuilder("*" + fit(threat.getFramework(), 100) + "*\n");
        text.append(url == null ? label : "<" + url + "|" + label + ">");
        if (threat.getTactic() != null) {
            String tactic = threat.getTactic().getId() == null ? "" : threat.getTactic().getId() + " ";
            text.append(" · tactic ").append(fit(tactic + threat.getTactic().getName(), 500));
        }
        return text.toString();
    }

    /** Slack shows it in each reader's time zone; the ISO instant is the fallback. */
    private static String date(Instant instant) {
        return "<!date^" + instant.getEpochSecond() + "^{date_short_pretty} {time_secs}|" + instant + ">";
    }

    private static String tally(String title, List<AlertDigest.Tally> tallies, String others,
                                Function<AlertDigest.Tally, String> label) {
        StringBuilder text = new StringBuilder(title);
        tallies.stream().limit(DIGEST_TOP)
                .forEach(tally -> text.append('\n').append(label.apply(tally)).append(": ").append(tally.count()));
        if (tallies.size() > DIGEST_TOP) {
            long rest = tallies.stream().skip(DIGEST_TOP).mapToLong(AlertDigest.Tally::count).sum();
            text.append("\n_").append(tallies.size() - DIGEST_TOP).append(' ').append(others).append("_: ")
                    .append(rest);
        }
        return text.toString();
    }

    private static String severitySummary(AlertDigest digest) {
        List<String> parts = new ArrayList<>();
        digest.bySeverity().forEach((severity, count) -> parts.add(severity + " " + count));
        return String.join(", ", parts);
    }

    private static String message(String text, String color, List<JsonObject> blocks) {
        JsonArrayBuilder blockArray = Json.createArrayBuilder();
        blocks.forEach(blockArray::add);
        return Json.createObjectBuilder()
                .add("text", text)
                .add("attachments", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("color", color)
                        .add("blocks", blockArray)))
                .build().toString();
    }

    private static JsonObject header(String text) {
        return Json.createObjectBuilder().add("type", "header")
                .add("text", plainText(fitPlain(text, HEADER_LIMIT))).build();
    }

    private static JsonObject section(String mrkdwn) {
        return Json.createObjectBuilder().add("type", "section").add("text", mrkdwn(mrkdwn)).build();
    }

    private static JsonObject fields(List<String> texts) {
        JsonArrayBuilder fields = Json.createArrayBuilder();
        texts.forEach(text -> fields.add(mrkdwn(text)));
        return Json.createObjectBuilder().add("type", "section").add("fields", fields).build();
    }

    private static JsonObject context(String mrkdwn) {
        return Json.createObjectBuilder().add("type", "context")
                .add("elements", Json.createArrayBuilder().add(mrkdwn(mrkdwn))).build();
    }

    private static JsonObjectBuilder mrkdwn(String text) {
        return Json.createObjectBuilder().add("type", "mrkdwn").add("text", text);
    }

    private static JsonObjectBuilder plainText(String text) {
        return Json.createObjectBuilder().add("type", "plain_text").add("text", text).add("emoji", true);
    }
}
