package io.palisade.processor.correlation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Tuning of every correlation, as data: sequences and thresholds are lists so more can be added without code. The
 * {@code correlations} section of the processor configuration, keys in {@code snake_case}
 * ({@code fleet_min_hosts}); {@link #problems()} lists every invalid value at once, each by its key.
 *
 * @param sequences              PAL-CORR-001: rule pairs that, in this order in one container within the window,
 *                               raise one alert. Default: PAL-PROC-001 (terminal shell) then PAL-FILE-001 (write below
 *                               a binary directory) within 5 minutes.
 * @param thresholds             PAL-CORR-002: at least {@code count} alerts of a rule from one container within the
 *                               window raise one alert. Default: PAL-STAT-001 (CPU above threshold) 6 times within 2
 *                               minutes.
 * @param firstSeenLearning      PAL-CORR-003: how long, in event time from an image's first process, executables are
 *                               learnt silently before an unseen one raises an alert. Default 1 hour.
 * @param maxExecutablesPerImage PAL-CORR-003: bound of the executables remembered per image. Once full, an unseen
 *                               executable still alerts, but is not remembered. Default 2000.
 * @param fleetMinHosts          PAL-CORR-004: distinct hosts on which one rule must fire within the window. Default 3.
 * @param fleetWindow            PAL-CORR-004: that window. Default 10 minutes.
 * @param statsWarmupSamples     PAL-CORR-005: samples of an image folded into its baseline before any is judged.
 *                               Default 30.
 * @param statsStddevFactor      PAL-CORR-005: a sample above mean + factor x standard deviation deviates. Default 4.
 * @param statsMinCpuDelta       PAL-CORR-005: ... and must also exceed the mean by this many CPU percentage points
 *                               (100 = one core), so a flat baseline does not alert on noise. Default 20.
 * @param statsMinMemoryDelta    PAL-CORR-005: the same for memory, in bytes. Default 256 MiB.
 * @param statsAlertWindow       PAL-CORR-005: one alert per container and metric per tumbling window of event time.
 *                               Default 10 minutes.
 */
public record CorrelationSettings(List<Sequence> sequences, List<Threshold> thresholds, Duration firstSeenLearning,
                                  Integer maxExecutablesPerImage, Integer fleetMinHosts, Duration fleetWindow,
                                  Integer statsWarmupSamples, Double statsStddevFactor, Double statsMinCpuDelta,
                                  Long statsMinMemoryDelta, Duration statsAlertWindow) {

    /** Rule {@code firstRuleId} then rule {@code thenRuleId} in the same container within {@code within}. */
    public record Sequence(String firstRuleId, String thenRuleId, Duration within) {
    }

    /** At least {@code count} alerts of {@code ruleId} from one container within {@code within}. */
    public record Threshold(String ruleId, int count, Duration within) {
    }

    /** The section of the processor configuration these settings are read from. */
    private static final String KEY = "correlations.";

    /** A {@code null} setting, one the configuration leaves out, takes its default. */
    public CorrelationSettings {
        sequences = sequences == null
                ? List.of(new Sequence("PAL-PROC-001", "PAL-FILE-001", Duration.ofMinutes(5))) : List.copyOf(sequences);
        thresholds = thresholds == null
                ? List.of(new Threshold("PAL-STAT-001", 6, Duration.ofMinutes(2))) : List.copyOf(thresholds);
        firstSeenLearning = Objects.requireNonNullElse(firstSeenLearning, Duration.ofHours(1));
        maxExecutablesPerImage = Objects.requireNonNullElse(maxExecutablesPerImage, 2000);
        fleetMinHosts = Objects.requireNonNullElse(fleetMinHosts, 3);
        fleetWindow = Objects.requireNonNullElse(fleetWindow, Duration.ofMinutes(10));
        statsWarmupSamples = Objects.requireNonNullElse(statsWarmupSamples, 30);
        statsStddevFactor = Objects.requireNonNullElse(statsStddevFactor, 4.0);
        statsMinCpuDelta = Objects.requireNonNullElse(statsMinCpuDelta, 20.0);
        statsMinMemoryDelta = Objects.requireNonNullElse(statsMinMemoryDelta, 256L * 1024 * 1024);
        statsAlertWindow = Objects.requireNonNullElse(statsAlertWindow, Duration.ofMinutes(10));
    }

    public static CorrelationSettings defaults() {
        return new CorrelationSettings(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Every invalid setting, each as one sentence naming its key; empty when all are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i++) {
            Sequence s = sequences.get(i);
            String name = KEY + "sequences[" + i + "]";
            requireRuleId(problems, name + ".first_rule_id", s.firstRuleId());
            requireRuleId(problems, name + ".then_rule_id", s.thenRuleId());
            requirePositive(problems, name + ".within", s.within());
            if (s.firstRuleId() != null && s.firstRuleId().equals(s.thenRuleId())) {
                problems.add(name + ": first_rule_id and then_rule_id must differ (use a threshold for repeats)");
            }
        }
        for (int i = 0; i < thresholds.size(); i++) {
            Threshold t = thresholds.get(i);
            String name = KEY + "thresholds[" + i + "]";
            requireRuleId(problems, name + ".rule_id", t.ruleId());
            requirePositive(problems, name + ".within", t.within());
            if (t.count() < 2) {
                problems.add(name + ".count must be at least 2, not " + t.count());
            }
        }
        requirePositive(problems, KEY + "first_seen_learning", firstSeenLearning);
        if (maxExecutablesPerImage < 1) {
            problems.add(KEY + "max_executables_per_image must be at least 1, not " + maxExecutablesPerImage);
        }
        if (fleetMinHosts < 2) {
            problems.add(KEY + "fleet_min_hosts must be at least 2, not " + fleetMinHosts);
        }
        requirePositive(problems, KEY + "fleet_window", fleetWindow);
        if (statsWarmupSamples < 2) {
            problems.add(KEY + "stats_warmup_samples must be at least 2, not " + statsWarmupSamples);
        }
        if (!(statsStddevFactor > 0)) {
            problems.add(KEY + "stats_stddev_factor must be above 0, not " + statsStddevFactor);
        }
        if (!(statsMinCpuDelta >= 0)) {
            problems.add(KEY + "stats_min_cpu_delta must be 0 or more, not " + statsMinCpuDelta);
        }
        if (statsMinMemoryDelta < 0) {
            problems.add(KEY + "stats_min_memory_delta must be 0 or more, not " + statsMinMemoryDelta);
        }
        requirePositive(problems, KEY + "stats_alert_window", statsAlertWindow);
        return problems;
    }

    private static void requireRuleId(List<String> problems, String name, String ruleId) {
        if (ruleId == null || ruleId.isBlank()) {
            problems.add(name + " must name a rule id");
        }
    }

    private static void requirePositive(List<String> problems, String name, Duration duration) {
        // Windows are compared in milliseconds of event time, so anything shorter is no window at all.
        if (duration == null || duration.toMillis() < 1) {
            problems.add(name + " must be at least 1 ms, not " + duration);
        }
    }
}
