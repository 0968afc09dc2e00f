package io.palisade.collector.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded first-in first-out queue of {@link SpoolRecord}s on disk, for events Kafka cannot take yet: append-only
 * segment files ({@code segment-<n>.spool}) of length-prefixed, checksummed records, and a {@code cursor} file naming
 * the first record not yet delivered, so what was not delivered before a stop is delivered after the next start.
 * Fully delivered segments are deleted.
 *
 * <p>Records are written without fsync: the spool protects against Kafka being away, not against the host losing
 * power; a record torn by a crash is detected by its checksum and cut off, with a warning, at the next open.
 *
 * <p>Thread-safe; every method holds the spool's lock for the (short) file operation it does.
 */
public final class DiskSpool implements AutoCloseable {

    /** Where the next record to deliver starts. */
    public record Position(long segment, long offset) {
    }

    /** A record read from the spool and the position just after it, to {@link #commit} once delivered. */
    public record Entry(SpoolRecord record, Position next) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DiskSpool.class);
    private static final Pattern SEGMENT = Pattern.compile("segment-(\\d+)\\.spool");
    private static final String CURSOR = "cursor";

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final TreeMap<Long, Long> segmentSizes = new TreeMap<>();
    private Position cursor;
    private long records;
    private long nextSegment;
    private FileChannel writer;
    private long writerSegment = -1;

    private DiskSpool(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = Math.clamp(maxBytes / 8, 64L << 10, 64L << 20);
    }

    /** Opens the spool in {@code dir} (created if missing), recovering what a previous run left undelivered. */
    public static DiskSpool open(Path dir, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        DiskSpool spool = new DiskSpool(dir, maxBytes);
        spool.recover();
        return spool;
    }

    /**
     * Appends {@code record} unless the spool has no room for it: {@link Priority#BULK} records only fill it to
     * three quarters, keeping the rest for security events.
     *
     * @return whether the record was spooled
     */
    public synchronized boolean append(SpoolRecord record) throws IOException {
        ByteBuffer encoded = record.encode();
        long limit = record.priority() == Priority.BULK ? maxBytes / 4 * 3 : maxBytes;
        if (diskBytes() + encoded.remaining() > limit) {
            return false;
        }
        if (writer == null || segmentSizes.get(writerSegment) + encoded.remaining() > segmentBytes) {
            roll();
        }
        int length = encoded.remaining();
        while (encoded.hasRemaining()) {
            writer.write(encoded);
        }
        segmentSizes.merge(writerSegment, (long) length, Long::sum);
        records++;
        return true;
    }

    /** Up to {@code max} records from the first undelivered one, in the order they were appended. */
    public synchronized List<Entry> peek(int max) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<Long, Long> segment : segmentSizes.tailMap(cursor.segment(), true).entrySet()) {
            long start = segment.getKey() == cursor.segment() ? cursor.offset() : 0;
            try (FileChannel channel = FileChannel.open(segmentFile(segment.getKey()), StandardOpenOption.READ)) {
                long position = start;
                while (position < segment.getValue() && entries.size() < max) {
                    ByteBuffer body = readBody(channel, position, segment.getValue());
                    position += SpoolRecord.HEADER_BYTES + body.capacity();
                    entries.add(new Entry(SpoolRecord.decode(body), new Position(segment.getKey(), position)));
                }
            }
            if (entries.size() >= max) {
                break;
            }
        }
        return entries;
    }

    /** Marks every record before {@code next} delivered ({@code count} of them) and frees what it can. */
    public synchronized void commit(Position next, int count) throws IOException {
        records -= count;
        cursor = next;
        for (Long segment : List.copyOf(segmentSizes.headMap(next.segment(), false).keySet())) {
            delete(segment);
        }
        if (next.offset() >= segmentSizes.getOrDefault(next.segment(), 0L)) {
            delete(next.segment());
            cursor = new Position(segmentSizes.isEmpty() ? nextSegment : segmentSizes.firstKey(), 0);
        }
        writeCursor();
    }

    /** Records not yet delivered. */
    public synchronized long records() {
        return records;
    }

    /** Bytes of records not yet delivered. */
    public synchronized long bytes() {
        return diskBytes() - (segmentSizes.containsKey(cursor.segment()) ? cursor.offset() : 0);
    }

    public synchronized boolean isEmpty() {
        return records == 0;
    }

    public Path directory() {
        return dir;
    }

    @Override
    public synchronized void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
        writeCursor();
    }

    private long diskBytes() {
        return segmentSizes.values().stream().mapToLong(Long::longValue).sum();
    }

    private void roll() throws IOException {
        if (writer != null) {
            writer.close();
        }
        writerSegment = nextSegment++;
        writer = FileChannel.open(segmentFile(writerSegment), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        segmentSizes.put(writerSegment, 0L);
        if (segmentSizes.size() == 1) {
            cursor = new Position(writerSegment, 0);
        }
    }

    private void delete(long segment) throws IOException {
        if (segment == writerSegment && writer != null) {
            writer.close();
            writer = null;
        }
        segmentSizes.remove(segment);
        Files.deleteIfExists(segmentFile(segment));
    }

    private void recover() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Matcher m = SEGMENT.matcher(file.getFileName().toString());
                if (m.matches()) {
                    segmentSizes.put(Long.parseLong(m.group(1)), Files.size(file));
                }
            }
        }
        nextSegment = segmentSizes.isEmpty() ? 0 : segmentSizes.lastKey() + 1;
        cursor = readCursor();
        for (Long segment : List.copyOf(segmentSizes.headMap(cursor.segment(), false).keySet())) {
            delete(segment);
        }
        if (!segmentSizes.containsKey(cursor.segment())) {
            cursor = new Position(segmentSizes.isEmpty() ? nextSegment : segmentSizes.firstKey(), 0);
        }
        for (Map.Entry<Long, Long> segment : segmentSizes.entrySet()) {
            long start = segment.getKey() == cursor.segment() ? cursor.offset() : 0;
            segment.setValue(countValidRecords(segment.getKey(), start, segment.getValue()));
        }
        if (records > 0) {
            LOG.atInfo().setMessage("Spool holds undelivered events from a previous run")
                    .addKeyValue("dir", dir).addKeyValue("records", records).addKeyValue("bytes", bytes()).log();
        }
    }

    /** Counts the records of a segment from {@code start}; cuts off a torn tail; returns the valid size. */
    private long countValidRecords(long segment, long start, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(segmentFile(segment), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long position = start;
            while (position < size) {
                try {
                    position += SpoolRecord.HEADER_BYTES + readBody(channel, position, size).capacity();
                    records++;
                } catch (CorruptRecordException e) {
                    LOG.atWarn().setMessage("Spool segment has a torn or corrupt record; cutting it off there")
                            .addKeyValue("segment", segmentFile(segment)).addKeyValue("offset", position)
                            .addKeyValue("lostBytes", size - position).log();
                    channel.truncate(position);
                    return position;
                }
            }
            return size;
        }
    }

    private static ByteBuffer readBody(FileChannel channel, long position, long end) throws IOException {
        if (end - position < SpoolRecord.HEADER_BYTES) {
            throw new CorruptRecordException();
        }
        ByteBuffer header = ByteBuffer.allocate(SpoolRecord.HEADER_BYTES);
        readFully(channel, header, position);
        int length = header.getInt(0);
        if (length < 0 || length > end - position - SpoolRecord.HEADER_BYTES) {
            throw new CorruptRecordException();
        }
        ByteBuffer body = ByteBuffer.allocate(length);
        readFully(channel, body, position + SpoolRecord.HEADER_BYTES);
        if (SpoolRecord.crc(body.array(), 0, length) != header.getInt(4)) {
            throw new CorruptRecordException();
        }
        return body.flip();
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new CorruptRecordException();
            }
        }
    }

    private Position readCursor() throws IOException {
        Path file = dir.resolve(CURSOR);
        if (!Files.exists(file)) {
            return new Position(segmentSizes.isEmpty() ? 0 : segmentSizes.firstKey(), 0);
        }
        String[] parts = Files.readString(file).strip().split(" ");
        return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    private void writeCursor() throws IOException {
        Path temporary = dir.resolve(CURSOR + ".tmp");
        Files.writeString(temporary, cursor.segment() + " " + cursor.offset() + "\n", StandardCharsets.UTF_8);
        Files.move(temporary, dir.resolve(CURSOR), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private Path segmentFile(long segment) {
        return dir.resolve("segment-%020d.spool".formatted(segment));
    }

    /** A record cut short or failing its checksum. */
    private static final class CorruptRecordException extends IOException {
        CorruptRecordException() {
            super("corrupt spool record");
        }
    }
}
