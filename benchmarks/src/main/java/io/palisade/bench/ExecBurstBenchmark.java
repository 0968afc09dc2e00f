package io.palisade.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.palisade.collector.CollectorIdentity;
import io.palisade.collector.EventSink;
import io.palisade.collector.process.ProcessSettings;
import io.palisade.collector.process.ProcessSettings.Backend;
import io.palisade.collector.process.ProcessSource;
import io.palisade.schema.Agent;
import io.palisade.schema.Host;
import io.palisade.schema.ProcessEvent;
import io.palisade.schema.topic.Topic;
import org.apache.avro.specific.SpecificRecord;

/**
 * How many of a burst of short-lived execs the process source captures, per back end side by side.
 *
 * <p>A bash helper (separate processes, so the JVM's own spawning is not the bottleneck) runs {@code /bin/true
 * <marker>} at the given rate, each with a unique marker argument, paced in 100 ms slices across several workers.
 * The source publishes into memory (no Kafka); an exec counts as captured when an event carries its marker in
 * process.args. The others are split into execs seen but without args (an event whose parent is a worker and whose
 * args are empty: the process ended before /proc/&lt;pid&gt;/cmdline was read) and execs not seen at all; the misses
 * are listed per second of the burst's schedule, to tell a steady shortfall from a stall. Usage: {@code bin/bench ExecBurst [rate per second, default 2000] [seconds, default 10]
 * [back ends, default NETLINK,PROC]}. Needs root for the netlink back end, and bash 5 and /bin/true. The source runs
 * in this JVM, whose garbage collections pause it: to measure it as the collector runs, give the collector's JVM flags
 * (collectors/README.md, "Footprint") in {@code PALISADE_JAVA_OPTS}.
 */
public final class ExecBurstBenchmark {

    private static final int WORKERS = 4;
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final int MISSES_SHOWN = 5;
    private static final Pattern WORKER_LINE = Pattern.compile("worker (\\d+) (\\d+) (\\d+)");

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
        List<Backend> backends = (args.length > 2 ? List.of(args[2].split(",")) : List.of("NETLINK", "PROC"))
                .stream().map(name -> Backend.valueOf(name.strip().toUpperCase(Locale.ROOT))).toList();
        System.out.printf("ExecBurst: %d execs/s of /bin/true <marker> for %d s by %d bash workers%n", rate, seconds,
                WORKERS);
        List<Result> results = new ArrayList<>();
        for (Backend backend : backends) {
            results.add(run(backend, rate, seconds));
        }
        print(results);
    }

    private static Result run(Backend backend, int rate, int seconds) throws Exception {
        String marker = "pburst-" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> captured = ConcurrentHashMap.newKeySet();
        // Events without args, by parent pid: those whose parent is a worker are burst execs read too late.
        Map<Long, AtomicLong> argless = new ConcurrentHashMap<>();
        EventSink sink = new EventSink() {
            @Override
            public <V extends SpecificRecord> void publish(Topic<String, V> topic, String key, V value) {
                ProcessEvent event = (ProcessEvent) value;
                List<String> argv = event.getProcess().getArgs();
                if (argv.size() == 2 && argv.get(1).startsWith(marker)) {
                    captured.add(argv.get(1));
                } else if (argv.isEmpty() && event.getProcess().getParent() != null) {
                    argless.computeIfAbsent(event.getProcess().getParent().getPid(), pid -> new AtomicLong())
                            .incrementAndGet();
                }
            }
        };
        CollectorIdentity identity = new CollectorIdentity(Host.newBuilder().setName("bench").setId("bench").build(),
                Agent.newBuilder().setId("bench").setVersion("bench").build());
        try (ProcessSource source = new ProcessSource(identity, new ProcessSettings(true, backend, null))) {
            source.start(sink);
            Instant openBy = Instant.now().plusSeconds(10);
            while (source.backend().isEmpty()) {
                if (Instant.now().isAfter(openBy)) {
                    return Result.unavailable(backend);
                }
                Thread.sleep(50);
            }
            Instant started = Instant.now();
            Map<Long, Long> workers = launch(marker, rate, seconds);
            Duration took = Duration.between(started, Instant.now());
            long launched = workers.values().stream().mapToLong(Long::longValue).sum();
            int before = -1;
            Instant drainBy = Instant.now().plus(DRAIN);
            while (captured.size() != before && captured.size() < launched && Instant.now().isBefore(drainBy)) {
                before = captured.size();
                Thread.sleep(500); // the publisher thread hands over what is still queued
            }
            long withoutArgs = workers.keySet().stream().map(argless::get).filter(Objects::nonNull)
                    .mapToLong(AtomicLong::get).sum();
            return new Result(backend.name(), launched, took, captured.size(), withoutArgs,
                    source.partialReads(), source.lostEvents(), misses(marker, workers, captured, rate, seconds));
        }
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

    /** Burst execs not captured with their args: the first few markers, and a count per second of the burst. */
    private record Misses(List<String> first, long[] perSecond) {
    }

    private record Result(String backend, long launched, Duration took, long captured, long withoutArgs,
                          long partialReads, long lost, Misses misses) {

        static Result unavailable(Backend backend) {
            return new Result(backend.name(), -1, Duration.ZERO, 0, 0, 0, 0, new Misses(List.of(), new long[0]));
        }

        boolean available() {
            return launched >= 0;
        }
    }
}
