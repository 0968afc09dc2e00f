package io.palisade.rules;

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
}
