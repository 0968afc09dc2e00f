package io.palisade.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.palisade.collector.file.FileState;
import io.palisade.collector.file.StateFile;
import io.palisade.collector.file.TreeScanner;
import io.palisade.collector.file.WatchScope;

/**
 * The file-integrity source's baseline scan (walk, SHA-256 of every file, baseline written to disk) against
 * {@code aide --init} on the same tree with SHA-256 only, in the same run.
 *
 * <p>Usage: {@code bin/bench FimBaseline [TREE] [THREADS]}, TREE defaulting to /usr and THREADS to the number of
 * cores. For fairness both hash with the same number of threads (AIDE's {@code --workers}), Palisade with its
 * hashRate limit lifted and no file-size limit (AIDE hashes every file), and both after one untimed warm-up walk,
 * so both read from the page cache. Needs the Debian package {@code aide} for the comparison.
 */
public final class FimBaselineBenchmark {

    private static final Pattern AIDE_ENTRIES = Pattern.compile("Number of entries:\\s*(\\d+)");

    private FimBaselineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path tree = Path.of(args.length > 0 ? args[0] : "/usr").toRealPath();
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        ScratchDirectory.use("palisade-bench-fim-", work -> {
            System.out.printf("FimBaseline: tree %s, %d hashing threads each, hashRate unlimited, no file-size limit%n",
                    tree, threads);
            Measured warmUp = palisade(tree, threads, work.resolve("warm-up"));
            System.out.printf("  warm-up (untimed) walked %d files%n", warmUp.entries());

            Measured ours = palisade(tree, threads, work.resolve("palisade"));
            print("Palisade baseline scan", ours, "files");

            Optional<Measured> aide = aide(tree, threads, work.resolve("aide"));
            if (aide.isPresent()) {
                print("aide --init (sha256)  ", aide.get(), "entries");
                System.out.printf("  ratio: AIDE wall time / Palisade wall time = %.2f (above 1: Palisade faster; "
                                + "target > 1)%n",
                        aide.get().seconds() / ours.seconds());
            }
        });
    }

    private static Measured palisade(Path tree, int threads, Path stateDir) throws Exception {
        long start = System.nanoTime();
        Map<Path, FileState> baseline;
        try (TreeScanner scanner = new TreeScanner(new WatchScope(List.of(tree.toString()), List.of()),
                Long.MAX_VALUE, Integer.MAX_VALUE, threads)) {
            baseline = scanner.scan(List.of(tree), Map.of(), directory -> { });
        }
        StateFile stateFile = new StateFile(stateDir);
        stateFile.write(baseline);
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = Files.size(stateFile.path());
        System.out.printf("  (baseline file: %.1f MB, %d bytes per file)%n", bytes / 1e6, bytes / Math.max(1,
                baseline.size()));
        return new Measured(baseline.size(), seconds);
    }

    /** {@code aide --init} on {@code tree}; empty (after saying how to install it) when AIDE is missing. */
    private static Optional<Measured> aide(Path tree, int threads, Path dir) throws Exception {
        Optional<Path> aide = Stream.of("/usr/bin/aide", "/usr/sbin/aide", "/usr/local/bin/aide").map(Path::of)
                .filter(Files::isExecutable).findFirst();
        if (aide.isEmpty()) {
            System.out.println("  AIDE is not installed, so there is no baseline to compare with. Install it with "
                    + "`sudo apt-get install aide` (Debian/Ubuntu) or `sudo dnf install aide` (Fedora/RHEL), "
                    + "then run this benchmark again.");
            return Optional.empty();
        }
        Files.createDirectories(dir);
        Path config = dir.resolve("aide.conf");
        Files.writeString(config, String.join("\n",
                "database_out=file:" + dir.resolve("aide.db.new"),
                "gzip_dbout=no",
                "report_url=stdout",
                tree + " sha256",
                ""));
        Path output = dir.resolve("aide.out");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(aide.get().toString(), "--init", "--config=" + config,
                "--workers=" + threads).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        if (exit != 0) {
            System.out.printf("  aide --init failed (exit %d):%n%s%n", exit, printed);
            return Optional.empty();
        }
        Matcher entries = AIDE_ENTRIES.matcher(printed);
        return Optional.of(new Measured(entries.find() ? Long.parseLong(entries.group(1)) : -1, seconds));
    }

    private static void print(String what, Measured measured, String unit) {
        System.out.printf("  %s: %d %s in %.2f s wall = %.0f %s/s%n", what, measured.entries(), unit,
                measured.seconds(), measured.entries() / measured.seconds(), unit);
    }

    /** What one baseline run produced: how many entries, in how many seconds of wall time. */
    private record Measured(long entries, double seconds) {
    }
}
