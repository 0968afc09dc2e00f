package io.palisade.cli.quickstart;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the quickstart's pipeline can be looked at: Kafka, the Elasticsearch alert indices, the S3 archive.
 *
 * @param bootstrapServers Kafka bootstrap servers
 * @param elasticsearch    Elasticsearch URL; alerts are in the indices {@value #INDEX_PATTERN}
 * @param s3Endpoint       S3 endpoint (path-style)
 * @param s3Bucket         bucket the alerts are archived to
 * @param s3Region         S3 region
 * @param s3AccessKey      S3 access key
 * @param s3SecretKey      S3 secret key (a throw-away local one)
 * @param dataDir          where logs, the spool and the state of this run are kept
 */
public record Endpoints(String bootstrapServers, URI elasticsearch, URI s3Endpoint, String s3Bucket, String s3Region,
                        String s3AccessKey, String s3SecretKey, String dataDir) {

    public static final String INDEX_PATTERN = "palisade-alerts-*";

    /** The endpoints as {@code key=value} pairs, in a fixed order, for scripts. */
    public Map<String, String> keyValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("kafka.bootstrap_servers", bootstrapServers);
        values.put("elasticsearch.url", elasticsearch.toString());
        values.put("elasticsearch.index_pattern", INDEX_PATTERN);
        values.put("s3.endpoint", s3Endpoint.toString());
        values.put("s3.bucket", s3Bucket);
        values.put("s3.region", s3Region);
        values.put("s3.access_key", s3AccessKey);
        values.put("s3.secret_key", s3SecretKey);
        values.put("data_dir", dataDir);
        return values;
    }

    /** The endpoints as lines for a person, with what to try. */
    public List<String> forPeople() {
        return List.of(
                "  Kafka          " + bootstrapServers,
                "  Elasticsearch  " + elasticsearch + "  index pattern " + INDEX_PATTERN + "  (try: curl '"
                        + elasticsearch + "/" + INDEX_PATTERN + "/_search?pretty')",
                "  S3 archive     " + s3Endpoint + "  bucket " + s3Bucket + "  region " + s3Region
                        + "  access key " + s3AccessKey + "  secret key " + s3SecretKey,
                "  Alerts         bin/palisade alerts tail --bootstrap-server " + bootstrapServers,
                "  Logs, state    " + dataDir);
    }
}
