package io.palisade.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import io.palisade.collector.container.DockerClients;
import io.palisade.devstack.DockerEnvironment;
import io.palisade.devstack.KafkaBroker;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Footprint of an idle collector on a host with N idle containers: runs the real {@code bin/palisade collector}
 * process against the devstack Kafka broker and samples its resident memory ({@code VmRSS}) and CPU time
 * ({@code utime + stime}) from /proc. Targets: RSS at most 128 MB, CPU at most 2 % of one core. The baseline, in the
 * same run, is the same process with every source disabled (JVM, producer and ops server only).
 *
 * <p>Usage: {@code bin/bench CollectorIdle [containers=50] [warmupSeconds=20] [measureSeconds=60]}. Needs a Docker
 * Engine ({@code DOCKER_HOST}, image from {@code PALISADE_TEST_IMAGE}, e.g. after
 * {@code eval "$(test-infra/start-dockerd.sh)"}), Linux /proc, and {@code ./mvnw package -DskipTests} (bin/palisade).
 * The collector's JVM flags come from {@code PALISADE_JAVA_OPTS}, defaulting to {@link #DEFAULT_JAVA_OPTS}.
 */
public final class CollectorIdleBenchmark {

    /** Small-footprint flags proposed for the collector. */
    static final String DEFAULT_JAVA_OPTS = "-Xmx48m -Xms16m -Xss256k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
            + "-XX:CICompilerCount=1 -XX:MaxMetaspaceSize=80m -XX:ReservedCodeCacheSize=24m -XX:-UsePerfData "
            + "-XX:+UseCompactObjectHeaders -XX:MaxDirectMemorySize=16m";
    private static final List<String> SOURCES = List.of("CONTAINER", "PROCESS", "FILE", "DRIFT", "STATS", "HOST");
    private static final double RSS_TARGET_MB = 128;
    private static final double CPU_TARGET_PERCENT = 2;
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private CollectorIdleBenchmark() {
    }

    /** What one run measured. */
    record Footprint(double rssAvgMb, double rssMaxMb, double cpuPercent) {
    }

    public static void main(String[] args) throws Exception {
        int containers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Duration warmup = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20);
        Duration measure = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60);
        Path launcher = findLauncher();
        Path work = Files.createTempDirectory("palisade-bench-collector-idle-");
        String javaOpts = System.getenv().getOrDefault("PALISADE_JAVA_OPTS", DEFAULT_JAVA_OPTS);

        try (KafkaBroker kafka = new KafkaBroker(work.resolve("kafka"), work.resolve("logs"));
             DockerClient docker = DockerClients.fromEnvironment();
             IdleContainers idle = IdleContainers.start(docker, DockerEnvironment.testImage(), containers)) {
            kafka.start();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers()))) {
                TopicCreator.ensure(admin, Topics.all(), (short) 1);
            }
            System.out.printf("CollectorIdle: %d idle containers, warm-up %ds, measured %ds, PALISADE_JAVA_OPTS=\"%s\"%n",
                    idle.count(), warmup.toSeconds(), measure.toSeconds(), javaOpts);
            Footprint baseline = run(launcher, work, kafka.bootstrapServers(), javaOpts, false, warmup, measure);
            Footprint collector = run(launcher, work, kafka.bootstrapServers(), javaOpts, true, warmup, measure);

            System.out.printf("%-28s %12s %12s %12s%n", "", "RSS avg MB", "RSS max MB", "CPU % core");
            print("baseline (no sources)", baseline);
            print("collector (all sources)", collector);
            System.out.printf("%-28s %12.2f %12.2f %12.2f%n", "ratio to baseline", collector.rssAvgMb()
                    / baseline.rssAvgMb(), collector.rssMaxMb() / baseline.rssMaxMb(),
                    collector.cpuPercent() / Math.max(baseline.cpuPercent(), 0.01));
            System.out.printf("targets: RSS <= %.0f MB: %s; CPU <= %.0f %%: %s%n", RSS_TARGET_MB,
                    collector.rssMaxMb() <= RSS_TARGET_MB ? "met" : "MISSED", CPU_TARGET_PERCENT,
                    collector.cpuPercent() <= CPU_TARGET_PERCENT ? "met" : "MISSED");
        }
    }

    private static void print(String label, Footprint f) {
        System.out.printf("%-28s %12.1f %12.1f %12.2f%n", label, f.rssAvgMb(), f.rssMaxMb(), f.cpuPercent());
    }

    private static Footprint run(Path launcher, Path work, String bootstrapServers, String javaOpts,
                                 boolean sourcesEnabled, Duration warmup, Duration measure)
            throws IOException, InterruptedException {
        String name = sourcesEnabled ? "collector" : "baseline";
        Map<String, String> env = new HashMap<>();
        env.put("PALISADE_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("PALISADE_OPS_PORT", "0");
        env.put("PALISADE_PUBLISH_SPOOL_DIR", work.resolve(name + "-spool").toString());
        env.put("PALISADE_SOURCES_FILE_STATE_DIR", work.resolve(name + "-fim").toString());
        env.put("PALISADE_JAVA_OPTS", javaOpts);
        SOURCES.forEach(source -> env.put("PALISADE_SOURCES_" + source + "_ENABLED", String.valueOf(sourcesEnabled)));
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "collector")
                .redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            Thread.sleep(warmup.toMillis());
            if (!process.isAlive()) {
                throw new IllegalStateException("the collector exited with " + process.exitValue() + "; see "
                        + work.resolve(name + ".log"));
            }
            return sample(process.pid(), measure);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /** Samples RSS every second and CPU time at both ends of {@code measure}. */
    private static Footprint sample(long pid, Duration measure) throws IOException, InterruptedException {
        Path proc = Path.of("/proc", String.valueOf(pid));
        long cpuStart = cpuTicks(proc);
        long start = System.nanoTime();
        List<Double> rss = new ArrayList<>();
        while (System.nanoTime() - start < measure.toNanos()) {
            rss.add(rssMb(proc));
            Thread.sleep(1000);
        }
        double elapsedSeconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpuTicks(proc) - cpuStart) / (double) CLOCK_TICKS_PER_SECOND;
        return new Footprint(rss.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                rss.stream().mapToDouble(Double::doubleValue).max().orElse(0), 100 * cpuSeconds / elapsedSeconds);
    }

    private static double rssMb(Path proc) throws IOException {
        return Files.readAllLines(proc.resolve("status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no VmRSS in " + proc)) / 1024.0;
    }

    /** utime + stime, fields 14 and 15 of /proc/PID/stat, counted after the command name in parentheses. */
    private static long cpuTicks(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static Path findLauncher() {
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
