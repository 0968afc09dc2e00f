package io.palisade.sinks.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import io.palisade.schema.Severity;
import io.palisade.schema.topic.Topics;
import io.palisade.sinks.SinkRecord;
import io.palisade.sinks.TestAlerts;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ArchiveRunTest {

    private static final Instant ELEVEN = Instant.parse("2026-11-23T11:00:00Z");

    @Test
    void aBatchIsSplitPerPartitionAndPerHourOfTheRecordTimestamp() {
        List<ArchiveRun> runs = ArchiveRun.of(List.of(
                record(0, 10, ELEVEN.plusSeconds(5)), record(1, 3, ELEVEN.plusSeconds(6)),
                record(0, 11, ELEVEN.plusSeconds(3599)), record(0, 12, ELEVEN.plusSeconds(3600)),
                record(1, 4, ELEVEN.plusSeconds(7))));

        assertThat(runs).extracting(run -> run.key("alerts/")).containsExactly(
                "alerts/dt=2026-11-23/hour=11/0-10-11.ndjson.gz",
                "alerts/dt=2026-11-23/hour=12/0-12-12.ndjson.gz",
                "alerts/dt=2026-11-23/hour=11/1-3-4.ndjson.gz");
    }

    @Test
    void aReplayRewritesWholeObjectsUnderTheirKeysSkipsPartlyHeldOnesAndNeverOverlapsThem() {
        ArchiveRun replay = ArchiveRun.of(LongStream.rangeClosed(4, 20).mapToObj(o -> record(2, o, ELEVEN)).toList())
                .getFirst();

        List<ArchiveRun> parts = replay.without(List.of(new ArchiveRun.OffsetRange(0, 6),
                new ArchiveRun.OffsetRange(7, 9), new ArchiveRun.OffsetRange(15, 16)));

        assertThat(parts).extracting(part -> part.key("")).containsExactly(
                "dt=2026-11-23/hour=11/2-7-9.ndjson.gz",
                "dt=2026-11-23/hour=11/2-10-14.ndjson.gz",
                "dt=2026-11-23/hour=11/2-15-16.ndjson.gz",
                "dt=2026-11-23/hour=11/2-17-20.ndjson.gz");
    }

    @Test
    void newRecordsAreCutWhereAnArchivedRangeBegins() {
        ArchiveRun run = ArchiveRun.of(List.of(record(1, 3, ELEVEN), record(1, 8, ELEVEN))).getFirst();

        assertThat(run.without(List.of(new ArchiveRun.OffsetRange(5, 6)))).extracting(part -> part.key(""))
                .containsExactly("dt=2026-11-23/hour=11/1-3-3.ndjson.gz", "dt=2026-11-23/hour=11/1-8-8.ndjson.gz");
    }

    private static SinkRecord record(int partition, long offset, Instant timestamp) {
        return new SinkRecord(TestAlerts.minimal("a-" + partition + "-" + offset, "PAL-TEST", Severity.NOTICE),
                new ConsumerRecord<>(Topics.ALERTS.name(), partition, offset, timestamp.toEpochMilli(),
                        TimestampType.CREATE_TIME, 0, 0, new byte[0], new byte[0], new RecordHeaders(), Optional.empty()));
    }
}
