package io.palisade.runtime.config;

import java.util.List;

/**
 * A service configuration with one or more problems, all of them listed, each naming its key (or, for a YAML syntax
 * error, its file and line), so an operator fixes them in one go.
 */
public final class InvalidConfigException extends IllegalArgumentException {

    private final List<String> problems;

    /**
     * @param service  the service whose configuration this is, e.g. {@code collector}
     * @param problems one sentence per problem
     */
    public InvalidConfigException(String service, List<String> problems) {
        super("invalid " + service + " configuration (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one sentence each. */
    public List<String> problems() {
        return problems;
    }
}
