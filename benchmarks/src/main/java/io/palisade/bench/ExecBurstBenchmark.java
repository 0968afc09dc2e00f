package io.palisade.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
 * process.args. Usage: {@code bin/bench ExecBurst [rate per second, default 2000] [seconds, default 10]
 * [back ends, default NETLINK,PROC]}. Needs root for the netlink back end, and bash 5 and /bin/true.
 */
public final class ExecBurstBenchmark {

    private static final int WORKERS = 4;
    private static final Duration DRAIN = Duration.ofSeconds(5);
    private static final int MISSES_SHOWN = 5;

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
              echo "$i"
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
        AtomicLong withoutArgs = new AtomicLong();
        EventSink sink = new EventSink() {
            @Override
            public <V extends SpecificRecord> void publish(Topic<String, V> topic, String key, V value) {
                ProcessEvent event = (ProcessEvent) value;
                List<String> argv = event.getProcess().getArgs();
                if (argv.size() == 2 && argv.get(1).startsWith(marker)) {
                    captured.add(argv.get(1));
                } else if (argv.isEmpty()) {
                    withoutArgs.incrementAndGet();
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
            long launched = launch(marker, rate, seconds);
            Duration took = Duration.between(started, Instant.now());
            int before = -1;
            Instant drainBy = Instant.now().plus(DRAIN);
            while (captured.size() != before && captured.size() < launched && Instant.now().isBefore(drainBy)) {
                before = captured.size();
                Thread.sleep(500); // the publisher thread hands over what is still queued
            }
            List<String> misses = new ArrayList<>();
            for (int w = 0; w < WORKERS && misses.size() < MISSES_SHOWN; w++) {
                for (long i = 0; i < launched / WORKERS && misses.size() < MISSES_SHOWN; i++) {
                    String expected = marker + "-" + w + "-" + i;
                    if (!captured.contains(expected)) {
                        misses.add(expected);
                    }
                }
            }
            return new Result(backend.name(), launched, took, captured.size(), withoutArgs.get(),
                    source.partialReads(), source.lostEvents(), misses);
        }
    }

    /** Runs the bash helper and returns how many execs it launched. */
    private static long launch(String marker, int rate, int seconds) throws IOException, InterruptedException {
        Process helper = new ProcessBuilder("bash", "-c", HELPER, "exec-burst", marker, Integer.toString(rate),
                Integer.toString(seconds), Integer.toString(WORKERS)).redirectErrorStream(true).start();
        String output = new String(helper.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (helper.waitFor() != 0) {
            throw new IllegalStateException("exec helper failed: " + output);
        }
        return output.lines().filter(line -> line.matches("\\d+")).mapToLong(Long::parseLong).sum();
    }

    private static void print(List<Result> results) {
        String format = "%-30s" + "%20s".repeat(results.size()) + "%n";
        row(format, "back end", results, Result::backend);
        row(format, "execs launched", results, r -> r.available() ? Long.toString(r.launched()) : "unavailable");
        row(format, "launch rate (execs/s)", results, r -> r.available()
                ? String.format(Locale.ROOT, "%.0f", r.launched() / (r.took().toMillis() / 1000.0)) : "-");
        row(format, "captured with marker", results, r -> r.available() ? Long.toString(r.captured()) : "-");
        row(format, "fraction captured", results, r -> r.available()
                ? String.format(Locale.ROOT, "%.4f%%", 100.0 * r.captured() / Math.max(1, r.launched())) : "-");
        row(format, "events without args", results, r -> r.available() ? Long.toString(r.withoutArgs()) : "-");
        row(format, "partial reads (source)", results, r -> r.available() ? Long.toString(r.partialReads()) : "-");
        row(format, "lost events (source)", results, r -> r.available() ? Long.toString(r.lost()) : "-");
        System.out.println("target: >= 99.9% captured");
        for (Result result : results) {
            if (result.available() && !result.misses().isEmpty()) {
                System.out.println("first misses (" + result.backend() + "): " + String.join(", ", result.misses()));
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

    private record Result(String backend, long launched, Duration took, long captured, long withoutArgs,
                          long partialReads, long lost, List<String> misses) {

        static Result unavailable(Backend backend) {
            return new Result(backend.name(), -1, Duration.ZERO, 0, 0, 0, 0, List.of());
        }

        boolean available() {
            return launched >= 0;
        }
    }
}
