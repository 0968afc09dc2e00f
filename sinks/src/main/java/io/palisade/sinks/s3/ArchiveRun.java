package io.palisade.sinks.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.palisade.sinks.SinkRecord;

/**
 * Records of one source partition whose Kafka timestamps fall in one UTC hour, in offset order: what goes into one
 * archive object (or, when an object of an earlier attempt already starts at {@link #firstOffset()}, several).
 *
 * <p>The object key is derived from the records alone (partition, offsets and the hour of the first record), never
 * from the wall clock or the batch the runner happened to form, so a replay of the same offsets lands on the same key.
 *
 * @param partition the partition of palisade.alerts the records were read from
 * @param hour      the UTC hour of the records' Kafka timestamps
 * @param records   the records, in offset order
 */
record ArchiveRun(int partition, Instant hour, List<SinkRecord> records) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH").withZone(ZoneOffset.UTC);

    ArchiveRun {
        records = List.copyOf(records);
    }

    /** Splits a batch into runs: per partition, a new run whenever the hour of the record timestamp changes. */
    static List<ArchiveRun> of(List<SinkRecord> batch) {
        Map<Integer, List<SinkRecord>> byPartition = new LinkedHashMap<>();
        for (SinkRecord record : batch) {
            byPartition.computeIfAbsent(record.source().partition(), p -> new ArrayList<>()).add(record);
        }
        List<ArchiveRun> runs = new ArrayList<>();
        byPartition.forEach((partition, records) -> {
            List<SinkRecord> current = new ArrayList<>();
            Instant currentHour = null;
            for (SinkRecord record : records) {
                Instant hour = Instant.ofEpochMilli(record.source().timestamp()).truncatedTo(ChronoUnit.HOURS);
                if (currentHour != null && !hour.equals(currentHour)) {
                    runs.add(new ArchiveRun(partition, currentHour, current));
                    current = new ArrayList<>();
                }
                currentHour = hour;
                current.add(record);
            }
            runs.add(new ArchiveRun(partition, currentHour, current));
        });
        return runs;
    }

    long firstOffset() {
        return records.getFirst().source().offset();
    }

    long lastOffset() {
        return records.getLast().source().offset();
    }

    /** {@code <prefix>dt=YYYY-MM-DD/hour=HH/}: the folder of this run's objects. */
    String folder(String prefix) {
        return prefix + "dt=" + DAY.format(hour) + "/hour=" + HOUR.format(hour) + "/";
    }

    /** Every archive object of this run's partition and hour starts with this. */
    String keyPrefix(String prefix) {
        return folder(prefix) + partition + "-";
    }

    /** {@code <folder><partition>-<firstOffset>-<lastOffset>.ndjson.gz} */
    String key(String prefix) {
        return keyPrefix(prefix) + firstOffset() + "-" + lastOffset() + ".ndjson.gz";
    }

    /**
     * What to upload once objects already holding offset ranges {@code archived} are accounted for. A range this
     * run holds whole (its first and last record) is uploaded again as it was, so the replay rewrites the same key
     * with the same bytes; records of a range held only in part are already archived and skipped; the other records
     * become new objects, cut wherever an archived range begins so that no new object overlaps an earlier one.
     */
    List<ArchiveRun> without(List<OffsetRange> archived) {
        List<ArchiveRun> parts = new ArrayList<>();
        List<SinkRecord> fresh = new ArrayList<>();
        int i = 0;
        while (i < records.size()) {
            long offset = offset(i);
            Optional<OffsetRange> range = archived.stream().filter(r -> r.contains(offset)).findFirst();
            if (range.isEmpty()) {
                long previous = fresh.isEmpty() ? offset : offset(fresh.getLast());
                if (archived.stream().anyMatch(r -> r.first() > previous && r.first() < offset)) {
                    parts.add(new ArchiveRun(partition, hour, fresh));
                    fresh = new ArrayList<>();
                }
                fresh.add(records.get(i++));
                continue;
            }
            if (!fresh.isEmpty()) {
                parts.add(new ArchiveRun(partition, hour, fresh));
                fresh = new ArrayList<>();
            }
            int end = i;
            while (end < records.size() && offset(end) <= range.get().last()) {
                end++;
            }
            if (offset(i) == range.get().first() && offset(end - 1) == range.get().last()) {
                parts.add(new ArchiveRun(partition, hour, records.subList(i, end)));
            }
            i = end;
        }
        if (!fresh.isEmpty()) {
            parts.add(new ArchiveRun(partition, hour, fresh));
        }
        return parts;
    }

    private long offset(int index) {
        return offset(records.get(index));
    }

    private static long offset(SinkRecord record) {
        return record.source().offset();
    }

    /** The offsets {@code first..last} (inclusive) of one archive object of a partition. */
    record OffsetRange(long first, long last) {

        boolean contains(long offset) {
            return first <= offset && offset <= last;
        }
    }
}
