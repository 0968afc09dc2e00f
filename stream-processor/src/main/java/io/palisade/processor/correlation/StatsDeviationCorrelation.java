package io.palisade.processor.correlation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.palisade.schema.Alert;
import io.palisade.schema.ContainerStats;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * PAL-CORR-005: a container's CPU or memory sample far above the baseline of its image: above mean + k standard
 * deviations and at least a minimum absolute amount above the mean. Reads stats samples keyed by image name; state:
 * store {@value #BASELINES} (per image, Welford's running mean and variance of cpu_percent and memory bytes) and
 * store {@value #ALERTED} (per container and metric, the start of the window last alerted in).
 *
 * <p>The first {@code statsWarmupSamples} samples of an image only teach the baseline. After that, deviating samples
 * are left out of the baseline, so that a miner running for hours does not become the norm it is measured against.
 */
final class StatsDeviationCorrelation extends CorrelationProcessor<ContainerStats> {

    static final String BASELINES = "correlation-stats-baseline-store";
    static final String ALERTED = "correlation-stats-alerted-store";

    private final CorrelationSettings settings;
    private KeyValueStore<String, ImageBaseline> baselines;
    private KeyValueStore<String, Long> alerted;

    private StatsDeviationCorrelation(CorrelationSettings settings) {
        this.settings = settings;
    }

    static CorrelationSupplier<ContainerStats> supplier(CorrelationSettings settings) {
        return new CorrelationSupplier<>(() -> new StatsDeviationCorrelation(settings),
                Set.of(CorrelationSupplier.store(BASELINES, StateSerdes.BASELINE),
                        CorrelationSupplier.store(ALERTED, Serdes.Long())));
    }

    @Override
    void openStores(ProcessorContext<String, Alert> context) {
        baselines = context.getStateStore(BASELINES);
        alerted = context.getStateStore(ALERTED);
    }

    @Override
    Instant eventTime(ContainerStats sample) {
        return sample.getEvent().getCreated();
    }

    @Override
    void correlate(String image, ContainerStats sample, Instant at) {
        ImageBaseline baseline = Optional.ofNullable(baselines.get(image)).orElse(ImageBaseline.EMPTY);
        Welford cpu = baseline.cpuPercent();
        if (sample.getCpuPercent() != null) {
            cpu = judge("cpu_percent", cpu, sample.getCpuPercent(), settings.statsMinCpuDelta(), image, sample, at);
        }
        Welford memory = judge("memory_usage_bytes", baseline.memoryBytes(), sample.getMemoryUsageBytes(),
                settings.statsMinMemoryDelta(), image, sample, at);
        baselines.put(image, new ImageBaseline(cpu, memory));
    }

    /** Alerts if {@code value} deviates; returns the baseline with {@code value} folded in unless it deviated. */
    private Welford judge(String metric, Welford baseline, double value, double minDelta, String image,
                          ContainerStats sample, Instant at) {
        if (baseline.count() < settings.statsWarmupSamples()) {
            return baseline.plus(value);
        }
        double limit = baseline.mean() + Math.max(settings.statsStddevFactor() * baseline.stddev(), minDelta);
        if (value <= limit) {
            return baseline.plus(value);
        }
        String dedupKey = image + '\0' + sample.getContainer().getId() + '\0' + metric;
        long window = CorrelationRule.windowStart(at, settings.statsAlertWindow()).toEpochMilli();
        Long last = alerted.get(dedupKey);
        if (last == null || last != window) {
            alerted.put(dedupKey, window);
            emit(alert(metric, dedupKey, baseline, value, image, sample, at));
        }
        return baseline;
    }

    private Alert alert(String metric, String dedupKey, Welford baseline, double value, String image,
                        ContainerStats sample, Instant at) {
        String container = Wording.container(sample.getContainer());
        String message = "%s %.1f in container %s (%s) on %s is far above the image baseline %.1f ± %.1f (%d samples)"
                .formatted(metric, value, container, image, sample.getHost().getName(), baseline.mean(),
                        baseline.stddev(), baseline.count());
        return CorrelationCatalog.STATS_DEVIATION.alert(dedupKey, CorrelationRule.windowStart(at, settings.statsAlertWindow()), message, at, at, 1)
                .setHost(sample.getHost())
                .setContainer(sample.getContainer())
                .setEvidenceEventIds(List.of(sample.getEvent().getId()))
                .build();
    }

    @Override
    void purge(Instant latest) {
        Instant cutoff = latest.minus(settings.statsAlertWindow());
        purgeWhere(alerted, windowStart -> Instant.ofEpochMilli(windowStart).isBefore(cutoff));
    }
}
