package io.palisade.collector.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one file's attributes and, when needed, its SHA-256. Links are never followed. Thread-safe: each thread
 * hashes with its own digest and buffer.
 */
final class FileInspector {

    private static final Logger LOG = LoggerFactory.getLogger(FileInspector.class);
    private static final String ATTRIBUTES =
            "unix:mode,ino,uid,gid,size,lastModifiedTime,ctime,isRegularFile,isSymbolicLink";
    private static final int PERMISSION_BITS = 07777;

    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });
    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect(1 << 16));

    private final long maxFileSize;
    private final HashRate hashRate;

    /**
     * @param maxFileSize larger files get no hash
     * @param hashRate    paces the hashing of files
     */
    FileInspector(long maxFileSize, HashRate hashRate) {
        this.maxFileSize = maxFileSize;
        this.hashRate = hashRate;
    }

    /**
     * The file's state now; empty when it is gone or is neither a regular file nor a link. The content is read only
     * when {@code previous} (the state last seen, or {@code null}) does not vouch for it.
     */
    Optional<FileState> inspect(Path path, FileState previous) throws IOException {
        Map<String, Object> attributes;
        try {
            attributes = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        boolean symlink = (Boolean) attributes.get("isSymbolicLink");
        if (!symlink && !(Boolean) attributes.get("isRegularFile")) {
            return Optional.empty();
        }
        FileState stat = new FileState((Long) attributes.get("size"),
                (Integer) attributes.get("mode") & PERMISSION_BITS, (Integer) attributes.get("uid"),
                (Integer) attributes.get("gid"), (Long) attributes.get("ino"),
                nanos((FileTime) attributes.get("lastModifiedTime")), nanos((FileTime) attributes.get("ctime")),
                symlink, null);
        if (symlink || stat.size() > maxFileSize) {
            return Optional.of(stat);
        }
        if (previous != null && previous.sha256() != null && stat.sameContentStamp(previous)) {
            return Optional.of(stat.withHash(previous.sha256()));
        }
        try {
            return Optional.of(stat.withHash(sha256(path)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            LOG.atDebug().setMessage("Cannot read a watched file; tracking its attributes only")
                    .addKeyValue("path", path).log();
            return Optional.of(stat);
        }
    }

    private byte[] sha256(Path path) throws IOException {
        hashRate.acquire();
        MessageDigest digest = DIGESTS.get();
        digest.reset();
        ByteBuffer buffer = BUFFERS.get();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            buffer.clear();
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        return digest.digest();
    }

    private static long nanos(FileTime time) {
        return time.to(TimeUnit.NANOSECONDS);
    }
}
