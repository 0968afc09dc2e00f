package io.palisade.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
 * <p>The collector runs with the JVM flags {@code bin/palisade collector} gives it, as on a user's host; the benchmark
 * prints them. {@code PALISADE_JAVA_OPTS} adds to (and, flag by flag, overrides) them as it does for users; with
 * {@code -XX:NativeMemoryTracking=summary} among them the benchmark also prints the collector's native memory summary
 * ({@code jcmd VM.native_memory}) at the end of the measurement. The threads that used the most CPU are listed.
 *
 * <p>Usage: {@code bin/bench CollectorIdle [containers=50] [warmupSeconds=20] [measureSeconds=60]}. Needs a Docker
 * Engine ({@code DOCKER_HOST}, image from {@code PALISADE_TEST_IMAGE}, e.g. after
 * {@code eval "$(test-infra/start-dockerd.sh)"}), Linux /proc, and {@code ./mvnw package -DskipTests} (bin/palisade).
 */
public final class CollectorIdleBenchmark {

    private static final double RSS_TARGET_MB = 128;
    private static final double CPU_TARGET_PERCENT = 2;
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    private static final int THREADS_SHOWN = 8;

    private CollectorIdleBenchmark() {
    }

    /** What one run measured; {@code rssPerSecondMb} is the resident memory sampled once a second. */
    record Footprint(List<Double> rssPerSecondMb, Instant start, double cpuPercent) {

        double rssAvgMb() {
            return rssPerSecondMb.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        double rssMaxMb() {
            return rssPerSecondMb.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        /** The second of the measurement at which RSS peaked first. */
        int peakSecond() {
            return rssPerSecondMb.indexOf(rssMaxMb());
        }
    }

    /** What one run measured, and how the collector's JVM was started and spent its CPU. */
    private record Run(Footprint footprint, String jvmOptions, List<String> busiestThreads, String nativeMemory) {
    }

    public static void main(String[] args) throws Exception {
        int containers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        Duration warmup = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 20);
        Duration measure = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60);
        ScratchDirectory.use("palisade-bench-collector-idle-", work -> {
            String extraJavaOpts = System.getenv().getOrDefault("PALISADE_JAVA_OPTS", "");

            try (KafkaBroker kafka = new KafkaBroker(work.resolve("kafka"), work.resolve("logs"));
                 DockerClient docker = DockerClients.fromEnvironment();
                 IdleContainers idle = IdleContainers.start(docker, DockerEnvironment.testImage(), containers)) {
                kafka.start();
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers()))) {
                    TopicCreator.ensure(admin, Topics.all(), (short) 1);
                }
                System.out.printf("CollectorIdle: %d idle containers, warm-up %ds, measured %ds, "
                        + "PALISADE_JAVA_OPTS=\"%s\"%n", idle.count(), warmup.toSeconds(), measure.toSeconds(),
                        extraJavaOpts);
                Run baselineRun = run(work, kafka.bootstrapServers(), extraJavaOpts, false, warmup, measure);
                Run collectorRun = run(work, kafka.bootstrapServers(), extraJavaOpts, true, warmup, measure);
                Footprint baseline = baselineRun.footprint();
                Footprint collector = collectorRun.footprint();
                System.out.println("collector JVM options (bin/palisade collector): " + collectorRun.jvmOptions());
                System.out.println("busiest threads of the collector (CPU % of one core over the measurement):");
                collectorRun.busiestThreads().forEach(thread -> System.out.println("  " + thread));
                if (!collectorRun.nativeMemory().isEmpty()) {
                    System.out.println(collectorRun.nativeMemory());
                }

                // A peak is read against the log: which second, at what time, and what the samples around it were.
                System.out.printf("collector RSS per second (MB): %s%n", collector.rssPerSecondMb().stream()
                        .map(mb -> String.format(Locale.ROOT, "%.1f", mb)).toList());
                System.out.printf("collector RSS peak at second %d of the measurement (%s)%n", collector.peakSecond(),
                        collector.start().plusSeconds(collector.peakSecond()));
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
        });
    }

    private static void print(String label, Footprint f) {
        System.out.printf("%-28s %12.1f %12.1f %12.2f%n", label, f.rssAvgMb(), f.rssMaxMb(), f.cpuPercent());
    }

    private static Run run(Path work, String bootstrapServers, String extraJavaOpts, boolean sourcesEnabled,
                           Duration warmup, Duration measure) throws IOException, InterruptedException {
        String name = sourcesEnabled ? "collector" : "baseline";
        Process process = CollectorLaunch.start(work, name, bootstrapServers,
                sourcesEnabled ? CollectorLaunch.SOURCES : List.of(), Map.of("PALISADE_JAVA_OPTS", extraJavaOpts));
        try {
            Thread.sleep(warmup.toMillis());
            if (!process.isAlive()) {
                throw new IllegalStateException("the collector exited with " + process.exitValue() + "; see "
                        + CollectorLaunch.log(work, name));
            }
            Path proc = Path.of("/proc", String.valueOf(process.pid()));
            Map<String, Long> threadsBefore = threadTicks(proc);
            Footprint footprint = sample(proc, measure);
            List<String> busiest = busiest(threadsBefore, threadTicks(proc), measure);
            String jvmOptions = CollectorLaunch.jvmOptions(process);
            String nativeMemory = jvmOptions.contains("NativeMemoryTracking") ? nativeMemory(process) : "";
            return new Run(footprint, jvmOptions, busiest, nativeMemory);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /** Samples RSS every second and CPU time at both ends of {@code measure}. */
    private static Footprint sample(Path proc, Duration measure) throws IOException, InterruptedException {
        long cpuStart = cpuTicks(proc.resolve("stat"));
        Instant startTime = Instant.now();
        long start = System.nanoTime();
        List<Double> rss = new ArrayList<>();
        while (System.nanoTime() - start < measure.toNanos()) {
            rss.add(rssMb(proc));
            Thread.sleep(1000);
        }
        double elapsedSeconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpuTicks(proc.resolve("stat")) - cpuStart) / (double) CLOCK_TICKS_PER_SECOND;
        return new Footprint(List.copyOf(rss), startTime, 100 * cpuSeconds / elapsedSeconds);
    }

    /** CPU ticks of every thread, by "name (tid)"; threads that end meanwhile are left out. */
    private static Map<String, Long> threadTicks(Path proc) throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    ticks.put(name + " (" + task.getFileName() + ")", cpuTicks(task.resolve("stat")));
                } catch (IOException e) {
                    // the thread ended between the listing and the read
                }
            }
        }
        return ticks;
    }

    private static List<String> busiest(Map<String, Long> before, Map<String, Long> after, Duration measure) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(THREADS_SHOWN)
                .map(e -> String.format(Locale.ROOT, "%-36s %6.2f", e.getKey(),
                        100.0 * e.getValue() / CLOCK_TICKS_PER_SECOND / measure.toSeconds()))
                .toList();
    }

    /** {@code jcmd <pid> VM.native_memory summary}, with the jcmd beside the collector's java. */
    private static String nativeMemory(Process process) throws IOException, InterruptedException {
        Path java = Path.of(process.info().command().orElseThrow());
        Process jcmd = new ProcessBuilder(java.resolveSibling("jcmd").toString(), Long.toString(process.pid()),
                "VM.native_memory", "summary").redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }

    private static double rssMb(Path proc) throws IOException {
        return Files.readAllLines(proc.resolve("status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no VmRSS in " + proc)) / 1024.0;
    }

    /** utime + stime, fields 14 and 15 of /proc/PID/stat, counted after the command name in parentheses. */
    private static long cpuTicks(Path statFile) throws IOException {
        String stat = Files.readString(statFile);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
