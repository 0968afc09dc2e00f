package io.palisade.rules;

import java.util.Optional;

/**
 * The longest run of plain characters that every match of a regular expression must contain, found by a deliberately
 * conservative reading of the expression: only characters outside any group or class count, a character made
 * optional or repeatable by a quantifier ends the run (without itself when it may be absent), and an expression with
 * a top-level {@code |}, an inline flag or a quoted section has none.
 *
 * <p>Why: {@link AllowList#matchedIn} first looks for the run with {@link String#contains}. Most command lines hold
 * none of a pattern list's runs, and {@code Matcher.find} only skips ahead this way by itself for an expression that
 * starts with plain text; one that starts with a group or {@code \b} is tried at every position.
 */
final class RequiredLiteral {

    /** Shorter runs are in too many command lines to save anything. */
    private static final int MIN_LENGTH = 3;
    private static final String QUANTIFIERS = "*+?{";

    private final String regex;
    private final StringBuilder run = new StringBuilder();
    private String longest = "";

    private RequiredLiteral(String regex) {
        this.regex = regex;
    }

    static Optional<String> of(String regex) {
        if (regex.contains("(?") || regex.contains("\\Q")) {
            return Optional.empty();
        }
        return new RequiredLiteral(regex).scan();
    }

    private Optional<String> scan() {
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '[') {
                i = endOfClass(i);
                endRun();
            } else if (c == '(') {
                depth++;
                endRun();
            } else if (c == ')') {
                depth--;
                endRun();
            } else if (c == '|' && depth == 0) {
                return Optional.empty();
            } else if (c == '\\') {
                i++;
                char escaped = i < regex.length() ? regex.charAt(i) : 'x';
                if (depth == 0 && !Character.isLetterOrDigit(escaped)) {
                    atom(escaped, i);
                } else {
                    endRun();
                }
            } else if (depth > 0 || ".^$|".indexOf(c) >= 0 || QUANTIFIERS.indexOf(c) >= 0 || c == '}') {
                endRun();
            } else {
                atom(c, i);
            }
        }
        endRun();
        return longest.length() >= MIN_LENGTH ? Optional.of(longest) : Optional.empty();
    }

    /** A plain character at {@code at}: part of the run unless the quantifier after it may leave it out. */
    private void atom(char c, int at) {
        char next = at + 1 < regex.length() ? regex.charAt(at + 1) : ' ';
        if (next == '*' || next == '?' || next == '{') {
            endRun();
        } else {
            run.append(c);
            if (next == '+') {
                endRun();
            }
        }
    }

    private void endRun() {
        if (run.length() > longest.length()) {
            longest = run.toString();
        }
        run.setLength(0);
    }

    private int endOfClass(int open) {
        for (int i = open + 1; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == ']' && i > open + 1 && !(i == open + 2 && regex.charAt(open + 1) == '^')) {
                return i;
            }
        }
        return regex.length();
    }
}
