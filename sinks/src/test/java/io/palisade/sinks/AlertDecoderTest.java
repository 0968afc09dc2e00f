package io.palisade.sinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import io.palisade.schema.Alert;
import io.palisade.schema.Severity;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class AlertDecoderTest {

    private final AlertDecoder decoder = new AlertDecoder(new SeverityFilter(Severity.WARNING),
            new TagFilter(Set.of(), Set.of("noisy")));

    @Test
    void anAlertThatPassesTheFiltersIsAcceptedWithItsSourceRecord() {
        ConsumerRecord<byte[], byte[]> record = record(alert("a-1", Severity.CRITICAL));

        PolledRecord polled = decoder.decode(record);

        assertThat(polled).isInstanceOfSatisfying(PolledRecord.Accepted.class, accepted -> {
            assertThat(accepted.record().alert().getId()).isEqualTo("a-1");
            assertThat(accepted.source()).isSameAs(record);
        });
    }

    @Test
    void alertsBelowTheMinimumSeverityOrWithAnExcludedTagAreFiltered() {
        assertThat(decoder.decode(record(alert("a-2", Severity.NOTICE)))).isInstanceOf(PolledRecord.Filtered.class);

        Alert noisy = TestAlerts.minimalBuilder("a-3", "PAL-1", Severity.CRITICAL).setTags(List.of("noisy")).build();
        assertThat(decoder.decode(record(noisy))).isInstanceOf(PolledRecord.Filtered.class);
    }

    @Test
    void bytesThatAreNoAlertAreUnreadableWithTheReason() {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>(Topics.ALERTS.name(), 0, 7L, new byte[0],
                "not an alert".getBytes());

        assertThat(decoder.decode(record)).isInstanceOfSatisfying(PolledRecord.Unreadable.class, unreadable -> {
            assertThat(unreadable.source()).isSameAs(record);
            assertThat(unreadable.reason()).contains("not Avro single-object encoded");
        });
    }

    @Test
    void aDeletionMarkerIsUnreadable() {
        ConsumerRecord<byte[], byte[]> tombstone = new ConsumerRecord<>(Topics.ALERTS.name(), 0, 8L, new byte[0],
                null);

        assertThat(decoder.decode(tombstone)).isInstanceOfSatisfying(PolledRecord.Unreadable.class,
                unreadable -> assertThat(unreadable.reason()).startsWith("null value"));
    }

    private static Alert alert(String id, Severity severity) {
        return TestAlerts.minimal(id, "PAL-1", severity);
    }

    private static ConsumerRecord<byte[], byte[]> record(Alert alert) {
        byte[] value = Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), alert);
        return new ConsumerRecord<>(Topics.ALERTS.name(), 0, 0L, alert.getId().getBytes(), value);
    }
}
