package io.palisade.rules;

/**
 * One thing wrong with a rule file, located the way editors and CI logs understand ({@code file:line: message}), so
 * {@code palisade rules validate DIR} output can be clicked through.
 *
 * @param file the file as the user named it: a path below a user rule directory, or {@code builtin:<path>}
 * @param line 1-based line; 0 when the problem concerns the whole file
 * @param message what is wrong
 */
public record RuleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
