package io.palisade.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A directory laid out like the built-in rule library: {@code *.drl} files anywhere (except below
 * {@code fixtures/}), allow-lists in {@code lists/}, numbers in {@code thresholds.properties}, and fixtures in
 * {@code fixtures/<rule-id>/}. The built-in
 * library and every user directory share this one layout, so {@code palisade rules test DIR} treats them alike.
 *
 * @param root the directory
 * @param builtIn whether it is the library shipped on the classpath
 */
public record RuleDirectory(Path root, boolean builtIn) {

    static final String BUILTIN_RESOURCE = "io/palisade/rules";
    private static final String BUILTIN_PREFIX = "builtin:";

    /** The rule library on the classpath; works from a build directory and from inside the jar. */
    public static RuleDirectory builtin() {
        URL url = RuleDirectory.class.getClassLoader().getResource(BUILTIN_RESOURCE + "/lists");
        if (url == null) {
            throw new IllegalStateException("built-in rules missing from the classpath: " + BUILTIN_RESOURCE);
        }
        try {
            Path lists = pathOf(url);
            return new RuleDirectory(lists.getParent(), true);
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot open built-in rules at " + url, e);
        }
    }

    public static RuleDirectory user(Path root) {
        if (!Files.isDirectory(root)) {
            throw new RuleCompilationException(List.of(new RuleProblem(root.toString(), 0, "not a directory")));
        }
        return new RuleDirectory(root, false);
    }

    private static Path pathOf(URL url) throws IOException, URISyntaxException {
        try {
            return Path.of(url.toURI());
        } catch (FileSystemNotFoundException jarNotOpenYet) {
            // Kept open for the life of the JVM: the rules are read again whenever an engine is loaded.
            FileSystems.newFileSystem(url.toURI(), Map.of());
            return Path.of(url.toURI());
        }
    }

    public Path lists() {
        return root.resolve("lists");
    }

    public Path thresholds() {
        return root.resolve("thresholds.properties");
    }

    public Path fixtures() {
        return root.resolve("fixtures");
    }

    /** Every DRL file, in a stable order so rule load order does not depend on the file system. */
    public List<RuleFile> ruleFiles() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".drl"))
                    .filter(f -> !f.startsWith(fixtures()))
                    .sorted()
                    .map(this::read)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list rules in " + root, e);
        }
    }

    /** How problems and fixture tables name a file of this directory. */
    public String displayName(Path file) {
        return builtIn ? BUILTIN_PREFIX + root.relativize(file) : file.toString();
    }

    /** Whether a file named by {@link #displayName} belongs to this directory. */
    public boolean owns(String displayName) {
        return builtIn ? displayName.startsWith(BUILTIN_PREFIX) : displayName.startsWith(root + "/");
    }

    private RuleFile read(Path file) {
        try {
            return new RuleFile(displayName(file), Files.readString(file), builtIn);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
