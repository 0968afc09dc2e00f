package io.palisade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the collector as a user does, {@code bin/palisade collector} with the JVM flags that script gives it, for
 * the collector benchmarks; configured through environment variables only, with sources chosen by name
 * (CONTAINER, PROCESS, FILE, DRIFT, STATS, HOST) and its output in a log file.
 */
final class CollectorLaunch {

    static final List<String> SOURCES = List.of("CONTAINER", "PROCESS", "FILE", "DRIFT", "STATS", "HOST");

    private CollectorLaunch() {
    }

    /**
     * Starts a collector publishing to {@code bootstrapServers} with state under {@code work/name-*}, the given
     * sources enabled, and {@code PALISADE_JAVA_OPTS} (added to the launch flags) and other settings from
     * {@code extraEnvironment}.
     */
    static Process start(Path work, String name, String bootstrapServers, List<String> enabledSources,
                         Map<String, String> extraEnvironment) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("PALISADE_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("PALISADE_OPS_PORT", "0");
        env.put("PALISADE_PUBLISH_SPOOL_DIR", work.resolve(name + "-spool").toString());
        env.put("PALISADE_SOURCES_FILE_STATE_DIR", work.resolve(name + "-fim").toString());
        SOURCES.forEach(source -> env.put("PALISADE_SOURCES_" + source + "_ENABLED",
                String.valueOf(enabledSources.contains(source))));
        env.putAll(extraEnvironment);
        ProcessBuilder builder = new ProcessBuilder(launcher().toString(), "collector")
                .redirectErrorStream(true).redirectOutput(log(work, name).toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /** Where {@link #start} writes the collector's output. */
    static Path log(Path work, String name) {
        return work.resolve(name + ".log");
    }

    /** The JVM's own options: what the command line has between the java executable and the class path. */
    static String jvmOptions(Process collector) throws IOException {
        List<String> args = List.of(Files.readString(Path.of("/proc", String.valueOf(collector.pid()), "cmdline"))
                .split("\0"));
        int classPath = args.indexOf("-cp");
        return String.join(" ", args.subList(1, classPath < 0 ? args.size() : classPath));
    }

    private static Path launcher() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path launcher = dir.resolve("bin/palisade");
            if (Files.isExecutable(launcher) && Files.exists(dir.resolve("cli/target/palisade-cli.jar"))) {
                return launcher;
            }
        }
        throw new IllegalStateException("bin/palisade with a built cli/target/palisade-cli.jar not found above "
                + Path.of("").toAbsolutePath() + "; run from the repository after ./mvnw package -DskipTests");
    }
}
