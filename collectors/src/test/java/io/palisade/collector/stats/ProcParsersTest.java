package io.palisade.collector.stats;

import static io.palisade.collector.stats.Fixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The procfs parsers on copies of this project's test machine's files. */
class ProcParsersTest {

    @Test
    void containerNetworkCountsItsInterfacesButLoopback() {
        assertThat(ProcParsers.netDev(text("stats/cgroup-v1/proc-pid-net-dev"), name -> !name.equals("lo")))
                .isEqualTo(new ByteCounts(1_016, 0));
    }

    @Test
    void hostNetworkCountsPhysicalInterfacesOnly() {
        Set<String> virtual = Set.of("lo", "docker0", "ifb0", "ifb1", "vethcce543f", "veth5f0c62b");
        assertThat(ProcParsers.netDev(text("stats/proc/net-dev"), name -> !virtual.contains(name)))
                .isEqualTo(new ByteCounts(428_725_317, 1_270_205));
    }

    @Test
    void onlyLoopbackMeansNoNetworkOfItsOwn() {
        assertThat(ProcParsers.netDev(text("stats/cgroup-v1/proc-pid-net-dev"), name -> false)).isNull();
    }

    @Test
    void hostCpuBusyIsEveryColumnButIdleAndIowaitAndElapsedIsPerCpu() {
        // cpu  599288 0 37232 1240436 2961 0 2088 1065 0 0, on two CPUs
        assertThat(ProcParsers.hostCpu(text("stats/proc/stat"))).isEqualTo(new ProcParsers.HostCpu(
                (599_288L + 37_232 + 2_088 + 1_065) * 10_000_000L,
                (599_288L + 37_232 + 1_240_436 + 2_961 + 2_088 + 1_065) * 10_000_000L / 2));
    }

    @Test
    void hostMemoryInUseIsTotalLessAvailable() {
        assertThat(ProcParsers.meminfo(text("stats/proc/meminfo")))
                .isEqualTo(new ProcParsers.HostMemory((24_683_656L - 23_647_580L) * 1024, 24_683_656L * 1024));
    }

    @Test
    void hostBlockIoCountsTheNamedDisksInBytes() {
        assertThat(ProcParsers.diskstats(text("stats/proc/diskstats"), Set.of("vda")))
                .isEqualTo(new ByteCounts(7_592_370L * 512, 4_240_032L * 512));
    }

    @Test
    void hostThreadsComeFromLoadavg() {
        assertThat(ProcParsers.threads(text("stats/proc/loadavg"))).isEqualTo(224);
    }
}
