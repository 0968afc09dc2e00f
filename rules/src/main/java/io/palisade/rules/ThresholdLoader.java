package io.palisade.rules;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads the {@code thresholds.properties} of rule directories; a later directory's value replaces an earlier one,
 * so a user directory overrides a built-in threshold by naming it.
 */
final class ThresholdLoader {

    private ThresholdLoader() {
    }

    /** @throws RuleCompilationException naming every value that is not a number */
    static List<Threshold> load(List<RuleDirectory> directories) {
        Map<String, Double> values = new TreeMap<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleDirectory directory : directories) {
            Path file = directory.thresholds();
            if (!Files.isRegularFile(file)) {
                continue;
            }
            Properties properties = read(file);
            for (String name : properties.stringPropertyNames()) {
                String text = properties.getProperty(name).strip();
                try {
                    values.put(name, Double.parseDouble(text));
                } catch (NumberFormatException e) {
                    problems.add(new RuleProblem(directory.displayName(file), 0,
                            "threshold " + name + " = \"" + text + "\" is not a number"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return values.entrySet().stream().map(e -> new Threshold(e.getKey(), e.getValue())).toList();
    }

    private static Properties read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
