package io.palisade.sinks.slack;

/**
 * Text for Slack messages: user-controlled text (process arguments, file paths, container names) is escaped so it
 * cannot form a link, a mention ({@code <!channel>}) or an entity, and cut to Slack's length limits after escaping,
 * never inside an entity or a surrogate pair.
 */
final class SlackText {

    /** Limit of a section's text and of one context element. */
    static final int SECTION_LIMIT = 3000;
    /** Limit of one section field. */
    static final int FIELD_LIMIT = 2000;
    /** Limit of a header block's plain text. */
    static final int HEADER_LIMIT = 150;

    private static final String ELLIPSIS = "…";

    private SlackText() {
    }

    /** {@code &}, {@code <} and {@code >} as Slack's mrkdwn wants them escaped. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code raw} escaped, then cut with an ellipsis so the escaped text is at most {@code limit} characters. */
    static String fit(String raw, int limit) {
        String escaped = escape(raw);
        if (escaped.length() <= limit) {
            return escaped;
        }
        int keep = Math.min(raw.length(), limit - ELLIPSIS.length());
        while (true) {
            String cut = escape(cutAt(raw, keep)) + ELLIPSIS;
            if (cut.length() <= limit) {
                return cut;
            }
            // Each character escapes to at most five ("&amp;"): cutting this many more cannot overshoot by much.
            keep -= Math.max(1, (cut.length() - limit + 4) / 5);
        }
    }

    /** Plain text (header blocks) is not mrkdwn: only cut, not escaped. */
    static String fitPlain(String raw, int limit) {
        return raw.length() <= limit ? raw : cutAt(raw, limit - ELLIPSIS.length()) + ELLIPSIS;
    }

    /** {@code raw} as inline code: escaped, backticks (which would end the span) turned into quotes, then cut. */
    static String code(String raw, int limit) {
        return "`" + fit(raw.replace('`', '\''), limit - 2) + "`";
    }

    private static String cutAt(String raw, int length) {
        int end = Math.max(0, length);
        if (end > 0 && Character.isHighSurrogate(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(0, end);
    }
}
