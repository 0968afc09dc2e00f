package io.palisade.sinks.config;

import java.util.List;

/** The sinks configuration has problems; the message lists every one of them, one per line. */
public final class InvalidSinksConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidSinksConfigException(List<String> problems) {
        super("invalid sinks configuration (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
