package io.palisade.schema.serde;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.apache.avro.Schema;

/**
 * Proves that bytes are a complete, well-formed Avro binary encoding of a writer schema, without building anything.
 *
 * <p>Why it exists: Avro's decoder allocates a string, bytes or array buffer of whatever size a length prefix claims
 * before it reads the content, so ten hostile bytes can ask for two gigabytes. Walking the encoding first, checking
 * every length and item count against the bytes actually left, lets the real decode run only on input whose every
 * allocation is bounded by the input's own size. The walk also rejects what Avro would read silently or wrongly:
 * negative lengths, union branches and enum symbols out of range, booleans other than 0 and 1, block sizes that do
 * not match their items, and trailing bytes after the record.
 *
 * <p>Item counts are bounded by the minimal encoded size of one item (at least one byte per item is assumed, so an
 * array of a zero-byte type such as {@code null} cannot have more items than there are bytes left; no Palisade schema
 * has such an array).
 */
final class WellFormedBody {

    private final byte[] data;
    private int position;

    private WellFormedBody(byte[] data, int offset) {
        this.data = data;
        this.position = offset;
    }

    /**
     * Checks that {@code data[offset..]} holds exactly one datum of {@code writer}.
     *
     * @throws Malformed naming the first problem found
     */
    static void check(Schema writer, byte[] data, int offset) throws Malformed {
        WellFormedBody walk = new WellFormedBody(data, offset);
        walk.datum(writer);
        if (walk.remaining() != 0) {
            throw new Malformed(walk.remaining() + " bytes left over after a complete " + writer.getName());
        }
    }

    /** What is wrong with the bytes, in words. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    private void datum(Schema schema) throws Malformed {
        switch (schema.getType()) {
            case NULL -> { }
            case BOOLEAN -> {
                byte value = data[take(1, "boolean")];
                if (value != 0 && value != 1) {
                    throw new Malformed("boolean byte " + value + " is neither 0 nor 1");
                }
            }
            case INT -> readInt("int");
            case LONG -> readLong("long");
            case FLOAT -> take(4, "float");
            case DOUBLE -> take(8, "double");
            case STRING, BYTES -> lengthPrefixed(schema.getType().getName());
            case FIXED -> take(schema.getFixedSize(), schema.getFullName());
            case ENUM -> index(schema.getEnumSymbols().size(), "enum symbol of " + schema.getFullName());
            case UNION -> datum(schema.getTypes().get(index(schema.getTypes().size(), "union branch")));
            case RECORD -> {
                for (Schema.Field field : schema.getFields()) {
                    datum(field.schema());
                }
            }
            case ARRAY -> blocks(schema, null, schema.getElementType());
            case MAP -> blocks(schema, Schema.create(Schema.Type.STRING), schema.getValueType());
        }
    }

    /** Arrays and maps: blocks of items until a zero count; a negative count is followed by the block's byte size. */
    private void blocks(Schema collection, Schema key, Schema item) throws Malformed {
        int itemSize = Math.max(1, minimalSize(collection));
        for (long count = readLong("item count"); count != 0; count = readLong("item count")) {
            long blockEnd = -1;
            if (count < 0) {
                if (count == Long.MIN_VALUE) {
                    throw new Malformed("item count " + count + " out of range");
                }
                count = -count;
                int blockSize = length("block size");
                blockEnd = position + blockSize;
            }
            if (count > remaining() / itemSize) {
                throw new Malformed("item count " + count + " exceeds the " + remaining() + " bytes left");
            }
            for (long i = 0; i < count; i++) {
                if (key != null) {
                    datum(key);
                }
                datum(item);
            }
            if (blockEnd >= 0 && position != blockEnd) {
                throw new Malformed("block size does not match its items");
            }
        }
    }

    /** Smallest possible encoding of one item of an array or one entry of a map. */
    private static int minimalSize(Schema collection) {
        Set<Schema> visiting = Collections.newSetFromMap(new IdentityHashMap<>());
        return collection.getType() == Schema.Type.MAP
                ? 1 + minimalSize(collection.getValueType(), visiting)
                : minimalSize(collection.getElementType(), visiting);
    }

    private static int minimalSize(Schema schema, Set<Schema> visiting) {
        if (!visiting.add(schema)) {
            return 0; // a recursive record: its nested occurrence may be absent
        }
        int size = switch (schema.getType()) {
            case NULL -> 0;
            case FLOAT -> 4;
            case DOUBLE -> 8;
            case FIXED -> schema.getFixedSize();
            case RECORD -> schema.getFields().stream().mapToInt(f -> minimalSize(f.schema(), visiting)).sum();
            default -> 1;
        };
        visiting.remove(schema);
        return size;
    }

    private void lengthPrefixed(String what) throws Malformed {
        take(length(what + " length"), what);
    }

    private int length(String what) throws Malformed {
        long length = readLong(what);
        if (length < 0) {
            throw new Malformed(what + " " + length + " is negative");
        }
        if (length > remaining()) {
            throw new Malformed(what + " " + length + " exceeds the " + remaining() + " bytes left");
        }
        return (int) length;
    }

    private int index(int bound, String what) throws Malformed {
        int index = readInt(what);
        if (index < 0 || index >= bound) {
            throw new Malformed(what + " " + index + " out of range 0.." + (bound - 1));
        }
        return index;
    }

    /** Skips {@code count} bytes, returning where they start. */
    private int take(int count, String what) throws Malformed {
        if (count > remaining()) {
            throw new Malformed("input ends inside a " + what);
        }
        int start = position;
        position += count;
        return start;
    }

    private int readInt(String what) throws Malformed {
        long raw = varint(5, what);
        if (raw > 0xFFFF_FFFFL) {
            throw new Malformed(what + " is not a valid int encoding");
        }
        return (int) (raw >>> 1) ^ -(int) (raw & 1);
    }

    private long readLong(String what) throws Malformed {
        long raw = varint(10, what);
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** Avro's variable-length zig-zag encoding: 7 bits a byte, low bits first. */
    private long varint(int maxBytes, String what) throws Malformed {
        long raw = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = data[take(1, what)] & 0xFF;
            if (i == 9 && b > 1) {
                throw new Malformed(what + " is not a valid long encoding");
            }
            raw |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return raw;
            }
        }
        throw new Malformed(what + " is encoded in more than " + maxBytes + " bytes");
    }

    private int remaining() {
        return data.length - position;
    }
}
