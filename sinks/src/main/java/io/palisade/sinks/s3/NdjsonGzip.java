package io.palisade.sinks.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.palisade.sinks.SinkRecord;
import io.palisade.sinks.elasticsearch.AlertDocument;

/**
 * The body of an archive object: one alert per line as the same ECS-shaped JSON document Elasticsearch indexes
 * ({@link AlertDocument}), gzip-compressed. Bytes depend on the alerts only, so a replay writes identical objects.
 */
final class NdjsonGzip {

    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private NdjsonGzip() {
    }

    static byte[] encode(List<SinkRecord> records) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (SinkRecord record : records) {
                JSON.writeValue(gzip, AlertDocument.of(record.alert()));
                gzip.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compress an in-memory archive object", e);
        }
        return bytes.toByteArray();
    }
}
