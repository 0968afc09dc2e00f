package io.palisade.processor;

import java.nio.ByteBuffer;

import io.palisade.schema.Alert;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The suppression state of one alert id: the alert as it stands (count, first and last seen, evidence sample so far)
 * and the count last written to palisade.alerts, so the punctuator knows whether there is news to write.
 */
record SuppressedAlert(Alert alert, long emittedCount) {

    boolean hasNews() {
        return alert.getCount() > emittedCount;
    }

    SuppressedAlert emitted() {
        return new SuppressedAlert(alert, alert.getCount());
    }

    static Serde<SuppressedAlert> serde() {
        Serde<Alert> alerts = Topics.ALERTS.valueSerde();
        return Serdes.serdeFrom((topic, state) -> {
            byte[] alert = alerts.serializer().serialize(topic, state.alert());
            return ByteBuffer.allocate(8 + alert.length).putLong(state.emittedCount()).put(alert).array();
        }, (topic, bytes) -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long emitted = buffer.getLong();
            byte[] alert = new byte[buffer.remaining()];
            buffer.get(alert);
            return new SuppressedAlert(alerts.deserializer().deserialize(topic, alert), emitted);
        });
    }
}
