package io.palisade.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the {@code lists/<name>.txt} files of rule directories: one entry per line, {@code #} starts a comment.
 * A user directory's list with the name of a built-in one adds to it, the way Falco's {@code user_known_*} lists
 * extend the defaults, so an upgrade of the built-in entries is never lost to a local copy. A line {@code !entry}
 * removes an entry that an earlier directory listed, for the lists that are policies (allowed registries) rather
 * than exceptions.
 */
final class AllowListLoader {

    private static final String SUFFIX = ".txt";
    private static final String REMOVE = "!";

    private AllowListLoader() {
    }

    static List<AllowList> load(List<RuleDirectory> directories) {
        Map<String, Set<String>> lists = new TreeMap<>();
        for (RuleDirectory directory : directories) {
            for (Path file : listFiles(directory.lists())) {
                String name = file.getFileName().toString();
                Set<String> list = lists.computeIfAbsent(name.substring(0, name.length() - SUFFIX.length()),
                        n -> new HashSet<>());
                for (String entry : entries(file)) {
                    if (entry.startsWith(REMOVE)) {
                        list.remove(entry.substring(REMOVE.length()).strip());
                    } else {
                        list.add(entry);
                    }
                }
            }
        }
        return lists.entrySet().stream().map(e -> new AllowList(e.getKey(), e.getValue())).toList();
    }

    private static List<Path> listFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static List<String> entries(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
