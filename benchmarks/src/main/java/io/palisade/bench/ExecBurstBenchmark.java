package io.palisade.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.palisade.devstack.KafkaBroker;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * How many of a burst of short-lived execs the process source captures, per back end side by side, with the collector
 * run as a user runs it: {@code bin/palisade collector} (its JVM flags; only the process source enabled) publishing
 * to a local Kafka broker (devstack), whose palisade.events.process this benchmark reads. 5 s after the collector logs
 * that it observes, a warm-up burst of {@value #WARMUP_SECONDS} s at the same rate, reported apart; 5 s later the
 * measured burst.
 *
 * <p>A bash helper (separate processes, so the JVM's own spawning is not the bottleneck) runs {@code /bin/true
 * <marker>} at the given rate, each with a unique marker argument, paced in 100 ms slices across several workers.
 * An exec counts as captured when an event carries its marker in process.args. The others are split into execs seen
 * but without args (an event whose parent is a worker and whose args are empty: the process ended before
 * /proc/&lt;pid&gt;/cmdline was read) and execs not seen at all; the misses are listed per second of the burst's
 * schedule, to tell a steady shortfall from a stall. The source's own counts (partial reads, lost events) come from
 * the line the collector logs when it stops. Usage: {@code bin/bench ExecBurst [rate per second, default 2000]
 * [seconds, default 10] [back ends, default NETLINK,PROC]}. Needs root for the netlink back end, bash 5, /bin/true,
 * and {@code ./mvnw package -DskipTests} (bin/palisade). {@code PALISADE_JAVA_OPTS} adds flags to the collector's, as
 * it does for users.
 */
public final class ExecBurstBenchmark {

    private static final int WORKERS = 4;
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final int MISSES_SHOWN = 5;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /**
     * From "observing" to the burst: a collector runs for days, so the burst is measured on one past its start (JIT
     * compilation, heap sizing, the first connection to Kafka), not on the first second of the JVM.
     */
    private static final Duration SETTLE = Duration.ofSeconds(5);
    /**
     * A collector on a real host has run execs all along; one that has run none yet reads them with interpreted code
     * (its compile thresholds are raised, see collectors/README.md) and misses more in its first second. A warm-up
     * burst at the same rate, reported apart and not counted, measures the collector as it runs.
     */
    private static final int WARMUP_SECONDS = 3;
    private static final Pattern WORKER_LINE = Pattern.compile("worker (\\d+) (\\d+) (\\d+)");
    private static final Pattern COUNT = Pattern.compile("(partialReads|lostEvents)=\"?(\\d+)");

    /** Each worker runs its share of execs in 100 ms slices, waiting (without exec'ing sleep) when ahead. */
    private static final String HELPER = """
            marker=$1 rate=$2 seconds=$3 workers=$4
            per_slice=$(( rate / workers / 10 ))
            worker() {
              local w=$1 i=0 slice due now wait
              exec 9<> <(:)
              local start=${EPOCHREALTIME/./}
              for (( slice = 0; slice < seconds * 10; slice++ )); do
                for (( n = 0; n < per_slice; n++, i++ )); do /bin/true "$marker-$w-$i"; done
                due=$(( start + (slice + 1) * 100000 )); now=${EPOCHREALTIME/./}
                if (( now < due )); then wait=$(( due - now )); read -t "0.$(printf %06d "$wait")" -u 9 || true; fi
              done
              echo "worker $w $BASHPID $i"
            }
            for (( w = 0; w < workers; w++ )); do worker "$w" & done
            wait
            """;

    private ExecBurstBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<String> backends = (args.length > 2 ? List.of(args[2].split(",")) : List.of("NETLINK", "PROC"))
                .stream().map(name -> name.strip().toUpperCase(Locale.ROOT)).toList();
        System.out.printf("ExecBurst: %d execs/s of /bin/true <marker> for %d s by %d bash workers%n", rate, seconds,
                WORKERS);
        ScratchDirectory.use("palisade-bench-exec-burst-", work -> {
            List<Result> results = new ArrayList<>();
            try (KafkaBroker kafka = new KafkaBroker(work.resolve("kafka"), work.resolve("logs"))) {
                kafka.start();
                try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers()))) {
                    TopicCreator.ensure(admin, List.of(Topics.PROCESS_EVENTS), (short) 1);
                }
                for (String backend : backends) {
                    results.add(run(work, kafka.bootstrapServers(), backend, rate, seconds));
                }
            }
            print(results);
        });
    }

    private static Result run(Path work, String bootstrapServers, String backend, int rate, int seconds)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String marker = "pburst-" + run;
        String warmupMarker = "pwarm-" + run;
        String name = "collector-" + backend.toLowerCase(Locale.ROOT);
        try (ProcessEvents events = new ProcessEvents(bootstrapServers, marker, warmupMarker)) {
            Process collector = CollectorLaunch.start(work, name, bootstrapServers, List.of("PROCESS"), Map.of(
                    "PALISADE_SOURCES_PROCESS_BACKEND", backend.toLowerCase(Locale.ROOT),
                    "PALISADE_JAVA_OPTS", System.getenv().getOrDefault("PALISADE_JAVA_OPTS", "")));
            Path log = CollectorLaunch.log(work, name);
            try {
                if (!awaitObserving(collector, log)) {
                    return Result.unavailable(backend);
                }
                System.out.println("collector JVM options (bin/palisade collector): "
                        + CollectorLaunch.jvmOptions(collector));
                Thread.sleep(SETTLE.toMillis());
                long warmupLaunched = launch(warmupMarker, rate, WARMUP_SECONDS).values().stream()
                        .mapToLong(Long::longValue).sum();
                Thread.sleep(SETTLE.toMillis());
                Instant started = Instant.now();
                Map<Long, Long> workers = launch(marker, rate, seconds);
                Duration took = Duration.between(started, Instant.now());
                long launched = workers.values().stream().mapToLong(Long::longValue).sum();
                events.drain(launched, DRAIN);
                long withoutArgs = workers.keySet().stream().mapToLong(events::arglessChildrenOf).sum();
                Map<String, Long> counts = stop(collector, log);
                return new Result(backend, warmupLaunched, events.warmupCaptured(), launched, took,
                        events.captured().size(), withoutArgs,
                        counts.getOrDefault("partialReads", -1L), counts.getOrDefault("lostEvents", -1L),
                        misses(marker, workers, events.captured(), rate, seconds));
            } finally {
                collector.destroy();
                collector.waitFor();
            }
        }
    }

    /** Waits for the collector's log to say which back end observes; false if it says the back end is unavailable. */
    private static boolean awaitObserving(Process collector, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline) && collector.isAlive()) {
            String output = Files.exists(log) ? Files.readString(log) : "";
            if (output.contains("msg=\"Process source observing execs\"")) {
                return true;
            }
            if (output.contains("msg=\"Process back end unavailable; retrying\"")) {
                return false;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the collector did not start observing within " + START_TIMEOUT + "; see "
                + log);
    }

    /** Stops the collector (SIGTERM, as systemd does) and reads the counts from its "Process source stopped" line. */
    private static Map<String, Long> stop(Process collector, Path log) throws IOException, InterruptedException {
        collector.destroy();
        collector.waitFor();
        Map<String, Long> counts = new HashMap<>();
        Files.readAllLines(log).stream().filter(line -> line.contains("msg=\"Process source stopped\""))
                .forEach(line -> {
                    Matcher count = COUNT.matcher(line);
                    while (count.find()) {
                        counts.put(count.group(1), Long.parseLong(count.group(2)));
                    }
                });
        return counts;
    }

    /** The missing markers: the first few by name, and how many fell in each second of the burst. */
    private static Misses misses(String marker, Map<Long, Long> workers, Set<String> captured, int rate,
                                 int seconds) {
        List<String> first = new ArrayList<>();
        long[] perSecond = new long[seconds];
        long perWorkerPerSecond = Math.max(1, rate / WORKERS);
        int w = 0;
        for (long count : workers.values()) {
            for (long i = 0; i < count; i++) {
                String expected = marker + "-" + w + "-" + i;
                if (!captured.contains(expected)) {
                    perSecond[(int) Math.min(seconds - 1, i / perWorkerPerSecond)]++;
                    if (first.size() < MISSES_SHOWN) {
                        first.add(expected);
                    }
                }
            }
            w++;
        }
        return new Misses(first, perSecond);
    }

    /** Runs the bash helper; returns how many execs each worker (by pid, in worker order) launched. */
    private static Map<Long, Long> launch(String marker, int rate, int seconds)
            throws IOException, InterruptedException {
        Process helper = new ProcessBuilder("bash", "-c", HELPER, "exec-burst", marker, Integer.toString(rate),
                Integer.toString(seconds), Integer.toString(WORKERS)).redirectErrorStream(true).start();
        String output = new String(helper.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (helper.waitFor() != 0) {
            throw new IllegalStateException("exec helper failed: " + output);
        }
        Map<Integer, long[]> byWorker = new TreeMap<>(); // worker number -> {pid, execs}
        output.lines().map(WORKER_LINE::matcher).filter(Matcher::matches).forEach(m -> byWorker.put(
                Integer.parseInt(m.group(1)), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))}));
        if (byWorker.size() != WORKERS) {
            throw new IllegalStateException("expected " + WORKERS + " worker reports from the exec helper: " + output);
        }
        Map<Long, Long> workers = new LinkedHashMap<>();
        byWorker.values().forEach(worker -> workers.put(worker[0], worker[1]));
        return workers;
    }

    private static void print(List<Result> results) {
        String format = "%-30s" + "%20s".repeat(results.size()) + "%n";
        row(format, "back end", results, Result::backend);
        row(format, "warm-up execs (not counted)", results, r -> r.available()
                ? r.warmupLaunched() + " in " + WARMUP_SECONDS + " s" : "-");
        row(format, "warm-up captured with args", results, r -> r.available() ? String.format(Locale.ROOT,
                "%.4f%%", 100.0 * r.warmupCaptured() / Math.max(1, r.warmupLaunched())) : "-");
        row(format, "execs launched", results, r -> r.available() ? Long.toString(r.launched()) : "unavailable");
        row(format, "launch rate (execs/s)", results, r -> r.available()
                ? String.format(Locale.ROOT, "%.0f", r.launched() / (r.took().toMillis() / 1000.0)) : "-");
        row(format, "captured with args", results, r -> r.available() ? Long.toString(r.captured()) : "-");
        row(format, "fraction captured", results, r -> r.available()
                ? String.format(Locale.ROOT, "%.4f%%", 100.0 * r.captured() / Math.max(1, r.launched())) : "-");
        row(format, "seen, but without args", results, r -> r.available() ? Long.toString(r.withoutArgs()) : "-");
        row(format, "not seen at all", results, r -> r.available()
                ? Long.toString(r.launched() - r.captured() - r.withoutArgs()) : "-");
        row(format, "partial reads (source)", results, r -> r.available() ? Long.toString(r.partialReads()) : "-");
        row(format, "lost events (source)", results, r -> r.available() ? Long.toString(r.lost()) : "-");
        System.out.println("target: >= 99.9% captured with args");
        for (Result result : results) {
            if (result.available() && result.misses().first().size() > 0) {
                System.out.println("misses (" + result.backend() + ") per scheduled second: "
                        + Arrays.toString(result.misses().perSecond()) + "; first: "
                        + String.join(", ", result.misses().first()));
            }
        }
    }

    private static void row(String format, String label, List<Result> results,
                            java.util.function.Function<Result, String> cell) {
        Object[] cells = new Object[results.size() + 1];
        cells[0] = label;
        for (int i = 0; i < results.size(); i++) {
            cells[i + 1] = cell.apply(results.get(i));
        }
        System.out.printf(format, cells);
    }

    /**
     * The burst's events on palisade.events.process, read from the end of the topic as it was when created: the
     * markers captured with their args, and by parent pid the events without args.
     */
    private static final class ProcessEvents implements AutoCloseable {

        private final KafkaConsumer<String, ProcessEvent> consumer;
        private final String marker;
        private final String warmupMarker;
        private final Set<String> captured = new HashSet<>();
        private long warmupCaptured;
        private final Map<Long, Long> arglessByParent = new HashMap<>();

        ProcessEvents(String bootstrapServers, String marker, String warmupMarker) {
            this.marker = marker;
            this.warmupMarker = warmupMarker;
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                    Topics.PROCESS_EVENTS.keySerde().deserializer(),
                    Topics.PROCESS_EVENTS.valueSerde().deserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.PROCESS_EVENTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolves the end now, before the burst, not at the first poll
        }

        /** Reads until every launched exec was captured, or nothing new came for {@code quiet}. */
        void drain(long launched, Duration quiet) {
            Instant lastNew = Instant.now();
            while (captured.size() < launched && Instant.now().isBefore(lastNew.plus(quiet))) {
                int before = captured.size();
                consumer.poll(Duration.ofMillis(200)).forEach(record -> add(record.value()));
                if (captured.size() != before) {
                    lastNew = Instant.now();
                }
            }
        }

        private void add(ProcessEvent event) {
            List<String> argv = event.getProcess().getArgs();
            if (argv.size() == 2 && argv.get(1).startsWith(marker)) {
                captured.add(argv.get(1));
            } else if (argv.size() == 2 && argv.get(1).startsWith(warmupMarker)) {
                warmupCaptured++;
            } else if (argv.isEmpty() && event.getProcess().getParent() != null) {
                arglessByParent.merge(event.getProcess().getParent().getPid(), 1L, Long::sum);
            }
        }

        long warmupCaptured() {
            return warmupCaptured;
        }

        Set<String> captured() {
            return captured;
        }

        long arglessChildrenOf(long parentPid) {
            return arglessByParent.getOrDefault(parentPid, 0L);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** Burst execs not captured with their args: the first few markers, and a count per second of the burst. */
    private record Misses(List<String> first, long[] perSecond) {
    }

    private record Result(String backend, long warmupLaunched, long warmupCaptured, long launched, Duration took,
                          long captured, long withoutArgs, long partialReads, long lost, Misses misses) {

        static Result unavailable(String backend) {
            return new Result(backend, 0, 0, -1, Duration.ZERO, 0, 0, 0, 0, new Misses(List.of(), new long[0]));
        }

        boolean available() {
            return launched >= 0;
        }
    }
}
