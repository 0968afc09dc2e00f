package io.palisade.collector.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSpoolTest {

    private static final long ONE_MIB = 1L << 20;

    @TempDir
    Path dir;

    @Test
    void recordsComeBackInOrderWithTopicKeyValueAndPriorityAcrossSegments() throws IOException {
        try (DiskSpool spool = DiskSpool.open(dir, ONE_MIB)) {
            for (int i = 0; i < 300; i++) {
                assertThat(spool.append(record(i, 1000, Priority.SECURITY))).isTrue();
            }
            spool.append(new SpoolRecord("palisade.inventory.containers", bytes("gone"), null, Priority.SECURITY));

            List<DiskSpool.Entry> entries = spool.peek(1000);

            assertThat(segments()).hasSizeGreaterThan(1);
            assertThat(entries).hasSize(301);
            assertThat(entries.subList(0, 300)).extracting(e -> new String(e.record().key(), StandardCharsets.UTF_8))
                    .containsExactlyElementsOf(IntStream.range(0, 300).mapToObj(i -> "key-" + i).toList());
            assertThat(entries.get(300).record().value()).isNull();
            assertThat(entries.get(300).record().topic()).isEqualTo("palisade.inventory.containers");
            assertThat(spool.records()).isEqualTo(301);
        }
    }

    @Test
    void deliveredRecordsAreNotReadAgainAndFullyDeliveredSegmentsAreDeleted() throws IOException {
        try (DiskSpool spool = DiskSpool.open(dir, ONE_MIB)) {
            for (int i = 0; i < 300; i++) {
                spool.append(record(i, 1000, Priority.SECURITY));
            }
            List<DiskSpool.Entry> first = spool.peek(200);
            spool.commit(first.getLast().next(), 200);

            assertThat(spool.peek(1000)).hasSize(100).first()
                    .satisfies(e -> assertThat(new String(e.record().key(), StandardCharsets.UTF_8)).isEqualTo("key-200"));
            assertThat(spool.records()).isEqualTo(100);

            List<DiskSpool.Entry> rest = spool.peek(1000);
            spool.commit(rest.getLast().next(), rest.size());
            assertThat(spool.isEmpty()).isTrue();
            assertThat(spool.bytes()).isZero();
            assertThat(segments()).isEmpty();
        }
    }

    @Test
    void whatWasNotDeliveredIsThereAfterReopening() throws IOException {
        try (DiskSpool spool = DiskSpool.open(dir, ONE_MIB)) {
            for (int i = 0; i < 10; i++) {
                spool.append(record(i, 100, Priority.SECURITY));
            }
            spool.commit(spool.peek(4).getLast().next(), 4);
        }
        try (DiskSpool reopened = DiskSpool.open(dir, ONE_MIB)) {
            reopened.append(record(10, 100, Priority.SECURITY));

            assertThat(reopened.records()).isEqualTo(7);
            assertThat(reopened.peek(100)).extracting(e -> new String(e.record().key(), StandardCharsets.UTF_8))
                    .containsExactly("key-4", "key-5", "key-6", "key-7", "key-8", "key-9", "key-10");
        }
    }

    @Test
    void statsGiveWayAtThreeQuartersWhileSecurityEventsFillTheRest() throws IOException {
        try (DiskSpool spool = DiskSpool.open(dir, ONE_MIB)) {
            int bulkAccepted = 0;
            while (spool.append(record(bulkAccepted, 10_000, Priority.BULK))) {
                bulkAccepted++;
            }
            int securityAccepted = 0;
            while (spool.append(record(securityAccepted, 10_000, Priority.SECURITY))) {
                securityAccepted++;
            }

            assertThat(spool.bytes()).isLessThanOrEqualTo(ONE_MIB);
            assertThat(bulkAccepted * 10_000L).isBetween(ONE_MIB * 3 / 4 - 20_000, ONE_MIB * 3 / 4);
            assertThat(securityAccepted).isBetween(24, 26);
            assertThat(spool.append(record(0, 10_000, Priority.BULK))).isFalse();
        }
    }

    @Test
    void aRecordTornByACrashIsCutOffAndTheRestIsKept() throws IOException {
        try (DiskSpool spool = DiskSpool.open(dir, ONE_MIB)) {
            for (int i = 0; i < 3; i++) {
                spool.append(record(i, 100, Priority.SECURITY));
            }
        }
        Path segment = segments().getFirst();
        Files.write(segment, new byte[] {0, 0, 1, 0, 42, 42}, StandardOpenOption.APPEND);

        try (DiskSpool reopened = DiskSpool.open(dir, ONE_MIB)) {
            assertThat(reopened.records()).isEqualTo(3);
            assertThat(reopened.peek(10)).hasSize(3);
        }
    }

    private static SpoolRecord record(int i, int valueBytes, Priority priority) {
        return new SpoolRecord("palisade.events.process", bytes("key-" + i), new byte[valueBytes], priority);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".spool")).sorted().toList();
        }
    }
}
