package io.palisade.sinks.s3;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.palisade.sinks.AlertSink;
import io.palisade.sinks.SinkRecord;
import io.palisade.sinks.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Archives alerts to S3-compatible storage as gzipped NDJSON objects,
 * {@code <prefix>dt=YYYY-MM-DD/hour=HH/<partition>-<firstOffset>-<lastOffset>.ndjson.gz}, one per run of a batch
 * ({@link ArchiveRun}); the runner's batch size and linger decide how big objects get and how often they are flushed.
 *
 * <p>A replay never archives a record twice, and finds its records under the keys they were first written to. The
 * runner commits only after {@link #write} returns, so after a crash between an upload and its commit, or after an
 * operator resets the group's offsets, records already archived are read again, in batches cut differently. Before
 * uploading, the sink lists the objects of the run's partition and hour, skips the records their key's offset range
 * covers (the same immutable records, so the same bytes) and cuts what is left where an earlier object begins.
 */
public final class S3ArchiveSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(S3ArchiveSink.class);

    private static final Pattern OBJECT_OFFSETS = Pattern.compile("(\\d+)-(\\d+)\\.ndjson\\.gz");

    private final S3Client s3;
    private final S3ArchiveSettings settings;

    /** @param s3 closed by {@link #close()} */
    public S3ArchiveSink(S3Client s3, S3ArchiveSettings settings) {
        this.s3 = s3;
        this.settings = settings;
    }

    /** A sink talking to the storage {@code settings} names, path-style, with its credentials. */
    public static S3ArchiveSink connect(S3ArchiveSettings settings) {
        return new S3ArchiveSink(settings.client(), settings);
    }

    /** Makes sure the bucket exists, creating it when {@link S3ArchiveSettings#createBucket()} allows. */
    @Override
    public void prepare() {
        try {
            s3.headBucket(b -> b.bucket(settings.bucket()));
        } catch (NoSuchBucketException e) {
            if (!settings.createBucket()) {
                throw new IllegalStateException("bucket " + settings.bucket() + " does not exist and create_bucket "
                        + "is off; create it or allow the sink to", e);
            }
            s3.createBucket(b -> b.bucket(settings.bucket()));
            LOG.atInfo().setMessage("Created archive bucket").addKeyValue("bucket", settings.bucket()).log();
        }
    }

    @Override
    public WriteResult write(List<SinkRecord> records) {
        for (ArchiveRun run : ArchiveRun.of(records)) {
            for (ArchiveRun part : run.without(archivedRanges(run))) {
                s3.putObject(b -> b.bucket(settings.bucket()).key(part.key(settings.prefix()))
                        .contentType("application/x-ndjson").contentEncoding("gzip"),
                        RequestBody.fromBytes(NdjsonGzip.encode(part.records())));
            }
        }
        return WriteResult.allWritten();
    }

    /** The offset ranges of the objects already archived for this run's partition and hour. */
    private List<ArchiveRun.OffsetRange> archivedRanges(ArchiveRun run) {
        String prefix = run.keyPrefix(settings.prefix());
        return s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .map(key -> OBJECT_OFFSETS.matcher(key.substring(prefix.length())))
                .filter(Matcher::matches)
                .map(m -> new ArchiveRun.OffsetRange(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))))
                .toList();
    }

    @Override
    public boolean isRetriable(Throwable error) {
        return S3Errors.isRetriable(error);
    }

    @Override
    public void close() {
        s3.close();
    }
}
