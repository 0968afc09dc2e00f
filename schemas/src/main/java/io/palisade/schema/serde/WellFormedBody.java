package io.palisade.schema.serde;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>The walk is compiled once per writer schema into a tree of steps, so checking a record allocates nothing but its
 * cursor: it runs on every event the processor reads.
 */
final class WellFormedBody {

    private final String recordName;
    private final Step root;

    private WellFormedBody(String recordName, Step root) {
        this.recordName = recordName;
        this.root = root;
    }

    /** The walk of data written with {@code writer}. */
    static WellFormedBody of(Schema writer) {
        return new WellFormedBody(writer.getName(), compile(writer, new IdentityHashMap<>()));
    }

    /**
     * Checks that {@code data[offset..]} holds exactly one datum of the writer schema.
     *
     * @throws Malformed naming the first problem found
     */
    void check(byte[] data, int offset) throws Malformed {
        Cursor in = new Cursor(data, offset);
        root.walk(in);
        if (in.remaining() != 0) {
            throw new Malformed(in.remaining() + " bytes left over after a complete " + recordName);
        }
    }

    /** What is wrong with the bytes, in words. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    /** One schema's part of the walk: consumes one datum of it from the cursor, or throws. */
    @FunctionalInterface
    private interface Step {
        void walk(Cursor in) throws Malformed;
    }

    /**
     * @param records the records compiled so far, by identity: a recursive record refers to its own step
     */
    private static Step compile(Schema schema, Map<Schema, RecordStep> records) {
        return switch (schema.getType()) {
            case NULL -> in -> { };
            case BOOLEAN -> Cursor::bool;
            case INT -> in -> in.readInt("int");
            case LONG -> in -> in.readLong("long");
            case FLOAT -> in -> in.take(4, "float");
            case DOUBLE -> in -> in.take(8, "double");
            case STRING -> in -> in.take(in.length("string length"), "string");
            case BYTES -> in -> in.take(in.length("bytes length"), "bytes");
            case FIXED -> {
                int size = schema.getFixedSize();
                String name = schema.getFullName();
                yield in -> in.take(size, name);
            }
            case ENUM -> {
                int symbols = schema.getEnumSymbols().size();
                String what = "enum symbol of " + schema.getFullName();
                yield in -> in.index(symbols, what);
            }
            case UNION -> {
                Step[] branches = compileAll(schema.getTypes(), records);
                yield in -> branches[in.index(branches.length, "union branch")].walk(in);
            }
            case RECORD -> {
                RecordStep known = records.get(schema);
                if (known != null) {
                    yield known;
                }
                RecordStep record = new RecordStep();
                records.put(schema, record);
                record.fields = compileAll(schema.getFields().stream().map(Schema.Field::schema).toList(), records);
                yield record;
            }
            case ARRAY -> new Blocks(null, compile(schema.getElementType(), records), minimalSize(schema));
            case MAP -> new Blocks(compile(Schema.create(Schema.Type.STRING), records),
                    compile(schema.getValueType(), records), minimalSize(schema));
        };
    }

    private static Step[] compileAll(List<Schema> schemas, Map<Schema, RecordStep> records) {
        return schemas.stream().map(schema -> compile(schema, records)).toArray(Step[]::new);
    }

    /** A record's fields in order; set after the step exists, so a recursive record can refer to itself. */
    private static final class RecordStep implements Step {
        private Step[] fields;

        @Override
        public void walk(Cursor in) throws Malformed {
            for (Step field : fields) {
                field.walk(in);
            }
        }
    }

    /** Arrays and maps: blocks of items until a zero count; a negative count is followed by the block's byte size. */
    private record Blocks(Step key, Step item, int itemSize) implements Step {

        @Override
        public void walk(Cursor in) throws Malformed {
            for (long count = in.readLong("item count"); count != 0; count = in.readLong("item count")) {
                long blockEnd = -1;
                if (count < 0) {
                    if (count == Long.MIN_VALUE) {
                        throw new Malformed("item count " + count + " out of range");
                    }
                    count = -count;
                    int blockSize = in.length("block size");
                    blockEnd = in.position + blockSize;
                }
                if (count > in.remaining() / itemSize) {
                    throw new Malformed("item count " + count + " exceeds the " + in.remaining() + " bytes left");
                }
                for (long i = 0; i < count; i++) {
                    if (key != null) {
                        key.walk(in);
                    }
                    item.walk(in);
                }
                if (blockEnd >= 0 && in.position != blockEnd) {
                    throw new Malformed("block size does not match its items");
                }
            }
        }
    }

    /** Smallest possible encoding of one item of an array or one entry of a map, at least one byte. */
    private static int minimalSize(Schema collection) {
        Set<Schema> visiting = Collections.newSetFromMap(new IdentityHashMap<>());
        return Math.max(1, collection.getType() == Schema.Type.MAP
                ? 1 + minimalSize(collection.getValueType(), visiting)
                : minimalSize(collection.getElementType(), visiting));
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

    /** The bytes and how far the walk has got; the descriptions passed in are constants, words only on failure. */
    private static final class Cursor {
        private final byte[] data;
        private int position;

        Cursor(byte[] data, int offset) {
            this.data = data;
            this.position = offset;
        }

        void bool() throws Malformed {
            byte value = data[take(1, "boolean")];
            if (value != 0 && value != 1) {
                throw new Malformed("boolean byte " + value + " is neither 0 nor 1");
            }
        }

        int length(String what) throws Malformed {
            long length = readLong(what);
            if (length < 0) {
                throw new Malformed(what + " " + length + " is negative");
            }
            if (length > remaining()) {
                throw new Malformed(what + " " + length + " exceeds the " + remaining() + " bytes left");
            }
            return (int) length;
        }

        int index(int bound, String what) throws Malformed {
            int index = readInt(what);
            if (index < 0 || index >= bound) {
                throw new Malformed(what + " " + index + " out of range 0.." + (bound - 1));
            }
            return index;
        }

        /** Skips {@code count} bytes, returning where they start. */
        int take(int count, String what) throws Malformed {
            if (count > remaining()) {
                throw new Malformed("input ends inside a " + what);
            }
            int start = position;
            position += count;
            return start;
        }

        int readInt(String what) throws Malformed {
            long raw = varint(5, what);
            if (raw > 0xFFFF_FFFFL) {
                throw new Malformed(what + " is not a valid int encoding");
            }
            return (int) (raw >>> 1) ^ -(int) (raw & 1);
        }

        long readLong(String what) throws Malformed {
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

        int remaining() {
            return data.length - position;
        }
    }
}
