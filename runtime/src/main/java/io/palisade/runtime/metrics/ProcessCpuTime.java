package io.palisade.runtime.metrics;

import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code process_cpu_seconds_total}, the CPU time every Prometheus client exports under that name, so dashboards
 * built for other services work unchanged; Micrometer's {@code ProcessorMetrics} gives a usage ratio instead.
 */
final class ProcessCpuTime implements MeterBinder {

    private final OperatingSystemMXBean os;

    ProcessCpuTime(OperatingSystemMXBean os) {
        this.os = os;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (os instanceof com.sun.management.OperatingSystemMXBean sun && sun.getProcessCpuTime() >= 0) {
            FunctionCounter.builder("process.cpu", sun,
                            bean -> bean.getProcessCpuTime() / (double) TimeUnit.SECONDS.toNanos(1))
                    .baseUnit("seconds").description("CPU time this process used, user and system")
                    .register(registry);
        }
    }
}
