package io.palisade.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BatchTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final Batch batch = new Batch(3, Duration.ofSeconds(1));

    @Test
    void isDueWhenFull() {
        batch.add(record(0, 1), 0);
        batch.add(record(0, 2), 0);
        assertThat(batch.isDue(0)).isFalse();

        batch.add(record(1, 7), 0);
        assertThat(batch.isDue(0)).isTrue();
    }

    @Test
    void isDueWhenTheOldestRecordWaitedTheLinger() {
        assertThat(batch.isDue(10 * SECOND)).as("empty").isFalse();

        batch.add(record(0, 1), 5 * SECOND);
        batch.add(record(0, 2), 5 * SECOND + SECOND / 2);

        assertThat(batch.isDue(5 * SECOND + SECOND / 2)).isFalse();
        assertThat(batch.isDue(6 * SECOND)).isTrue();
    }

    @Test
    void commitsOnePastTheLastRecordOfEachPartition() {
        batch.add(record(0, 4), 0);
        batch.add(record(0, 5), 0);
        batch.add(record(2, 9), 0);

        assertThat(batch.seal().nextOffsets()).containsOnly(
                Map.entry(new TopicPartition("palisade.alerts", 0), new OffsetAndMetadata(6)),
                Map.entry(new TopicPartition("palisade.alerts", 2), new OffsetAndMetadata(10)));
    }

    @Test
    void forgetsTheRecordsOfRevokedPartitions() {
        batch.add(record(0, 4), 0);
        batch.add(record(1, 5), 0);

        batch.discard(List.of(new TopicPartition("palisade.alerts", 0)));

        assertThat(batch.seal().records()).extracting(record -> record.source().partition()).containsExactly(1);
    }

    @Test
    void sealingHandsTheRecordsOverAndStartsAnEmptyBatch() {
        batch.add(record(0, 4), 0);
        batch.add(record(0, 5), 0);

        Batch.Sealed sealed = batch.seal();

        assertThat(sealed.records()).extracting(record -> record.source().offset()).containsExactly(4L, 5L);
        assertThat(batch.isDue(10 * SECOND)).as("empty again").isFalse();
        assertThat(batch.seal().records()).isEmpty();
        assertThat(sealed.records()).as("unaffected by the batch that follows").hasSize(2);
    }

    /** Whatever became of a record (written, filtered or dead-lettered), the batch covers its offset. */
    private static PolledRecord record(int partition, long offset) {
        return new PolledRecord.Filtered(
                new ConsumerRecord<>("palisade.alerts", partition, offset, new byte[0], new byte[0]));
    }
}
