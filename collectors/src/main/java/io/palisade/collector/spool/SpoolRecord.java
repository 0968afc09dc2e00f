package io.palisade.collector.spool;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One event waiting for Kafka, already serialized by its topic's serdes.
 *
 * @param topic    Kafka topic name
 * @param key      serialized key, or {@code null}
 * @param value    serialized value, or {@code null} for a tombstone
 * @param priority what gives way first when the spool is full
 */
public record SpoolRecord(String topic, byte[] key, byte[] value, Priority priority) {

    /** Length prefix and CRC32C of the body, each an int. */
    static final int HEADER_BYTES = 8;

    /** {@code [body length][crc32c of body][priority][topic length:short][topic][key length|-1][key][value length|-1][value]}. */
    ByteBuffer encode() {
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        int bodyLength = 1 + 2 + topicBytes.length + 4 + length(key) + 4 + length(value);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + bodyLength);
        buffer.putInt(bodyLength).putInt(0);
        buffer.put((byte) priority.ordinal()).putShort((short) topicBytes.length).put(topicBytes);
        putBytes(buffer, key);
        putBytes(buffer, value);
        buffer.putInt(4, crc(buffer.array(), HEADER_BYTES, bodyLength));
        return buffer.flip();
    }

    /** Decodes a body whose CRC has been checked. */
    static SpoolRecord decode(ByteBuffer body) {
        Priority priority = Priority.values()[body.get()];
        byte[] topicBytes = new byte[body.getShort()];
        body.get(topicBytes);
        return new SpoolRecord(new String(topicBytes, StandardCharsets.UTF_8), getBytes(body), getBytes(body),
                priority);
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static int length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static void putBytes(ByteBuffer buffer, byte[] bytes) {
        buffer.putInt(bytes == null ? -1 : bytes.length);
        if (bytes != null) {
            buffer.put(bytes);
        }
    }

    private static byte[] getBytes(ByteBuffer buffer) {
        int length = buffer.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }
}
