package io.palisade.collector.stats;

import static io.palisade.collector.stats.Fixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cgroup file parsers on copies of real v1 files and v2 files in the kernel's format (see the fixtures' README). */
class CgroupParsersTest {

    @Test
    void v1CpuMemoryAndPidsOfABusyboxContainerWithA64MiBLimit() {
        assertThat(CgroupParsers.singleValue(text("stats/cgroup-v1/cpuacct.usage"))).isEqualTo(70_372_847_414L);
        assertThat(CgroupParsers.memoryInUse(text("stats/cgroup-v1/memory.usage_in_bytes"),
                text("stats/cgroup-v1/memory.stat"), true)).isEqualTo(315_392L);
        assertThat(CgroupParsers.memoryLimit(text("stats/cgroup-v1/memory.limit_in_bytes"))).isEqualTo(64L << 20);
        assertThat(CgroupParsers.singleValue(text("stats/cgroup-v1/pids.current"))).isEqualTo(1);
    }

    @Test
    void v1UnlimitedMemoryIsNoLimit() {
        assertThat(CgroupParsers.memoryLimit(text("stats/cgroup-v1/memory.limit_in_bytes.unlimited"))).isNull();
    }

    @Test
    void v1BlockIoCountsReadAndWriteOfEveryDeviceOnce() {
        assertThat(CgroupParsers.blkioV1(text("stats/cgroup-v1/blkio.throttle.io_service_bytes_recursive")))
                .isEqualTo(new ByteCounts(0, 0));
        assertThat(CgroupParsers.blkioV1(text("stats/cgroup-v1/blkio.throttle.io_service_bytes_recursive.busy")))
                .isEqualTo(new ByteCounts(20_971_520 + 4_096, 8_392_704));
    }

    @Test
    void v2CpuIsUsageMicrosecondsOfCpuStat() {
        assertThat(CgroupParsers.flatKeyed(text("stats/cgroup-v2/cpu.stat"))).containsEntry("usage_usec", 70_398_558L)
                .containsEntry("user_usec", 70_110_274L);
    }

    @Test
    void v2MemoryInUseLeavesOutInactiveFileCacheAndMaxMeansUnlimited() {
        assertThat(CgroupParsers.memoryInUse(text("stats/cgroup-v2/memory.current"),
                text("stats/cgroup-v2/memory.stat"), false)).isEqualTo(73_728_000L - 16_760_832L);
        assertThat(CgroupParsers.memoryLimit(text("stats/cgroup-v2/memory.max"))).isEqualTo(256L << 20);
        assertThat(CgroupParsers.memoryLimit(text("stats/cgroup-v2/memory.max.unlimited"))).isNull();
    }

    @Test
    void v2IoStatSumsBytesOverDevices() {
        assertThat(CgroupParsers.ioStatV2(text("stats/cgroup-v2/io.stat")))
                .isEqualTo(new ByteCounts(20_971_520L + 1_459_200L, 4_194_304L + 314_773_504L));
    }

    @Test
    void processCgroupsMapEachV1ControllerAndTheUnifiedHierarchy() {
        String id = "8563d0c1ccc44f045a44eb815acc69bee18814e7f5755163517bcf03c2e9e561";
        assertThat(CgroupParsers.processCgroups(text("stats/cgroup-v1/proc-pid-cgroup")))
                .containsEntry("cpuacct", "/docker/" + id).containsEntry("memory", "/docker/" + id)
                .containsEntry("name=systemd", "/docker/" + id).containsEntry(CgroupDirs.UNIFIED, "/docker/" + id);
    }

    @Test
    void memoryInUseNeverGoesBelowZero() {
        assertThat(CgroupParsers.memoryInUse("100\n", "total_inactive_file 4096\n", true)).isEqualTo(100);
    }
}
