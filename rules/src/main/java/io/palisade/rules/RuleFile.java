package io.palisade.rules;

/**
 * The text of one DRL file and where it came from.
 *
 * @param name how problems name the file ({@code builtin:process.drl}, or the path of a user file)
 * @param text the DRL source
 * @param builtIn whether it ships with Palisade; built-in files must compile without any warning
 */
public record RuleFile(String name, String text, boolean builtIn) {
}
