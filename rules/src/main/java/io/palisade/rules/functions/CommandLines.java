package io.palisade.rules.functions;

import java.util.List;

/** Functions over command lines that rules call from their conditions. */
public final class CommandLines {

    private CommandLines() {
    }

    /**
     * The program name of a command line as Docker reports an exec ({@code "/bin/bash -l"} gives {@code bash}),
     * so it can be looked up in the same lists as a process name.
     */
    public static String program(String commandLine) {
        if (commandLine == null || commandLine.isBlank()) {
            return "";
        }
        String first = commandLine.strip().split("\\s+", 2)[0];
        return first.substring(first.lastIndexOf('/') + 1);
    }

    /**
     * The argument vector as one line, for patterns that span arguments ({@code sh -c "echo ..|base64 -d|sh"} is
     * three arguments, the pipeline one of them).
     */
    public static String joined(List<String> args) {
        return args == null ? "" : String.join(" ", args);
    }
}
