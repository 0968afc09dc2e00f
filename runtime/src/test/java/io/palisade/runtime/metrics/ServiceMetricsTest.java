package io.palisade.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceMetricsTest {

    @Test
    void oneRegistryCarriesTheJvmTheProcessAndTheBuild() {
        try (ServiceMetrics metrics = ServiceMetrics.create("sinks", "1.2.3")) {
            System.gc(); // a gauge whose state object is only weakly held reads NaN after a collection
            String scraped = metrics.registry().scrape();

            assertThat(scraped).contains("palisade_build_info{service=\"sinks\",version=\"1.2.3\"} 1")
                    .containsPattern("(?m)^process_resident_memory_bytes [1-9][0-9.E]+$")
                    .containsPattern("(?m)^process_cpu_seconds_total [0-9.E]+$")
                    .contains("# TYPE process_cpu_seconds_total counter")
                    .contains("jvm_memory_used_bytes{area=\"heap\"", "jvm_gc_", "jvm_threads_live_threads",
                            "jvm_classes_loaded_classes", "process_uptime_seconds", "process_files_open_files",
                            "system_cpu_count");
        }
    }

    @Test
    void residentMemoryIsVmRssInBytes() {
        assertThat(ProcessResources.residentBytes(List.of("Name:\tjava", "VmPeak:\t  900 kB", "VmRSS:\t  123456 kB")))
                .isEqualTo(123456 * 1024.0);
        assertThat(ProcessResources.residentBytes(List.of("Name:\tjava"))).isNaN();
    }
}
