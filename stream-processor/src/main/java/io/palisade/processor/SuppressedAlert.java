package io.palisade.processor;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.palisade.schema.Alert;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The suppression state of one alert id: the alert as it stands (count, first and last seen, evidence sample so far)
 * and the count last written to palisade.alerts, so the punctuator knows whether there is news to write.
 *
 * <p>Stored as the fields a repeat changes (emitted count, count, first and last seen, evidence ids) ahead of the
 * alert's Avro encoding as it was first stored. A repeat changes nothing else, so storing it copies those bytes
 * instead of encoding the whole alert again; reading patches the changing fields into the decoded alert.
 */
final class SuppressedAlert {

    private static final Serde<Alert> ALERTS = Topics.ALERTS.valueSerde();

    private final Alert alert;
    private final long emittedCount;
    /** The alert's encoding as first stored; fields a repeat changes are stored beside it. Computed once. */
    private byte[] encodedAlert;

    SuppressedAlert(Alert alert, long emittedCount) {
        this(alert, emittedCount, null);
    }

    private SuppressedAlert(Alert alert, long emittedCount, byte[] encodedAlert) {
        this.alert = alert;
        this.emittedCount = emittedCount;
        this.encodedAlert = encodedAlert;
    }

    Alert alert() {
        return alert;
    }

    long emittedCount() {
        return emittedCount;
    }

    boolean hasNews() {
        return alert.getCount() > emittedCount;
    }

    SuppressedAlert emitted() {
        return new SuppressedAlert(alert, alert.getCount(), encodedAlert);
    }

    static Serde<SuppressedAlert> serde() {
        return Serdes.serdeFrom((topic, state) -> state.encode(topic), SuppressedAlert::decode);
    }

    private byte[] encode(String topic) {
        if (encodedAlert == null) {
            encodedAlert = ALERTS.serializer().serialize(topic, alert);
        }
        List<byte[]> evidence = alert.getEvidenceEventIds().stream()
                .map(id -> id.getBytes(StandardCharsets.UTF_8)).toList();
        int size = 4 * Long.BYTES + Integer.BYTES + evidence.stream().mapToInt(id -> Integer.BYTES + id.length).sum()
                + encodedAlert.length;
        ByteBuffer buffer = ByteBuffer.allocate(size).putLong(emittedCount).putLong(alert.getCount())
                .putLong(alert.getFirstSeen().toEpochMilli()).putLong(alert.getLastSeen().toEpochMilli())
                .putInt(evidence.size());
        evidence.forEach(id -> buffer.putInt(id.length).put(id));
        return buffer.put(encodedAlert).array();
    }

    private static SuppressedAlert decode(String topic, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        long emitted = buffer.getLong();
        long count = buffer.getLong();
        Instant firstSeen = Instant.ofEpochMilli(buffer.getLong());
        Instant lastSeen = Instant.ofEpochMilli(buffer.getLong());
        int evidenceCount = buffer.getInt();
        List<String> evidence = new ArrayList<>(evidenceCount);
        for (int i = 0; i < evidenceCount; i++) {
            byte[] id = new byte[buffer.getInt()];
            buffer.get(id);
            evidence.add(new String(id, StandardCharsets.UTF_8));
        }
        byte[] encodedAlert = new byte[buffer.remaining()];
        buffer.get(encodedAlert);
        Alert alert = ALERTS.deserializer().deserialize(topic, encodedAlert);
        // By field name: the generated classes have no setters.
        alert.put("count", count);
        alert.put("first_seen", firstSeen);
        alert.put("last_seen", lastSeen);
        alert.put("evidence_event_ids", evidence);
        return new SuppressedAlert(alert, emitted, encodedAlert);
    }
}
