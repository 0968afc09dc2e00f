package io.palisade.sinks.s3;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Where the S3 archive writes. Validated at construction, reporting every problem at once.
 *
 * @param endpoint     the S3-compatible endpoint (MinIO, S3Proxy, Ceph...); {@code null} means AWS itself
 * @param region       the signing region (default {@code us-east-1}, which MinIO and S3Proxy accept)
 * @param bucket       the bucket; required
 * @param prefix       the key prefix, ending in {@code /} (default {@code alerts/})
 * @param createBucket whether a missing bucket is created at start (default {@code true})
 * @param accessKey    access key id; {@code null} means the AWS default chain (environment, profile, instance role)
 * @param secretKey    the secret for {@code accessKey}; never logged ({@link #toString()} leaves it out)
 */
public record S3ArchiveSettings(URI endpoint, String region, String bucket, String prefix, boolean createBucket,
                                String accessKey, String secretKey) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_PREFIX = "alerts/";

    public S3ArchiveSettings {
        region = region == null ? DEFAULT_REGION : region;
        prefix = prefix == null ? DEFAULT_PREFIX : prefix;
        List<String> problems = new ArrayList<>();
        if (bucket == null || bucket.isBlank()) {
            problems.add("bucket is required");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            problems.add("prefix must be empty or end with '/', not " + prefix);
        }
        if ((accessKey == null) != (secretKey == null)) {
            problems.add("access_key and secret_key go together: set both, or neither to use the AWS default chain");
        }
        if (endpoint != null && endpoint.getScheme() == null) {
            problems.add("endpoint must be a URL such as http://127.0.0.1:9000, not " + endpoint);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid S3 archive settings: " + String.join("; ", problems));
        }
    }

    /** A client for these settings: path-style addressing, which every S3-compatible server understands. */
    S3Client client() {
        S3ClientBuilder builder = S3Client.builder().region(Region.of(region)).forcePathStyle(true)
                .credentialsProvider(credentials());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    private AwsCredentialsProvider credentials() {
        return accessKey == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    @Override
    public String toString() {
        return "S3ArchiveSettings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix="
                + prefix + ", createBucket=" + createBucket + ", accessKey=" + accessKey + ", secretKey="
                + (secretKey == null ? "null" : "<redacted>") + "]";
    }
}
