package io.palisade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A benchmark's scratch directory in the system's temporary directory: broker data, collector spools and logs, state
 * stores, tens to hundreds of megabytes a run. Removed when the benchmark ends normally; kept, and named on standard
 * error, when it fails, since its logs say why.
 */
final class ScratchDirectory {

    /** What a benchmark does with its scratch directory. */
    interface Body {
        void run(Path work) throws Exception;
    }

    private ScratchDirectory() {
    }

    static void use(String prefix, Body body) throws Exception {
        Path work = Files.createTempDirectory(prefix);
        try {
            body.run(work);
        } catch (Exception | Error e) {
            System.err.println("benchmark failed; its files and logs are kept in " + work);
            throw e;
        }
        delete(work);
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
