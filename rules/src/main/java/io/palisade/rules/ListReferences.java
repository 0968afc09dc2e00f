package io.palisade.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks at load that every {@code lists.named("...")} in a rule file names a loaded allow-list. Drools cannot: the
 * name is a string to it, and a misspelt one would only throw on the first event to reach the condition.
 */
final class ListReferences {

    private static final Pattern NAMED = Pattern.compile("\\b" + AllowLists.GLOBAL + "\\.named\\(\\s*\"([^\"]*)\"");

    private ListReferences() {
    }

    static List<RuleProblem> unknown(List<RuleFile> files, AllowLists lists) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : files) {
            String[] lines = file.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher named = NAMED.matcher(lines[i]);
                while (named.find()) {
                    if (!lists.has(named.group(1))) {
                        problems.add(new RuleProblem(file.name(), i + 1, "no allow-list named \"" + named.group(1)
                                + "\" (a lists/" + named.group(1) + ".txt in this or the built-in directory)"));
                    }
                }
            }
        }
        return problems;
    }
}
