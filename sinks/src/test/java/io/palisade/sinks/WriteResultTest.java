package io.palisade.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.palisade.schema.Severity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class WriteResultTest {

    @Test
    void separatesFailuresToRetryFromFailuresToDeadLetter() {
        WriteResult.Failure throttled = failure("a-1", true);
        WriteResult.Failure rejected = failure("a-2", false);

        WriteResult result = new WriteResult(List.of(throttled, rejected));

        assertThat(result.retriableFailures()).containsExactly(throttled);
        assertThat(result.permanentFailures()).containsExactly(rejected);
        assertThat(WriteResult.allWritten().failures()).isEmpty();
    }

    private static WriteResult.Failure failure(String id, boolean retriable) {
        SinkRecord record = new SinkRecord(TestAlerts.minimal(id, "PAL-TEST-001", Severity.ERROR),
                new ConsumerRecord<>("palisade.alerts", 0, 0L, new byte[0], new byte[0]));
        return new WriteResult.Failure(record, "test", "test_exception", retriable);
    }
}
