package io.palisade.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.devstack.junit.DevStackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

@ExtendWith(DevStackExtension.class)
class S3ServerIT {

    @Test
    void anObjectPutIsReadBack(S3Server s3) {
        try (S3Client client = client(s3, s3.secretKey())) {
            client.createBucket(b -> b.bucket("devstack-it"));
            client.putObject(b -> b.bucket("devstack-it").key("alerts/a.ndjson"), RequestBody.fromString("{\"a\":1}\n"));

            String body = client.getObjectAsBytes(b -> b.bucket("devstack-it").key("alerts/a.ndjson")).asUtf8String();

            assertThat(body).isEqualTo("{\"a\":1}\n");
        }
    }

    @Test
    void aWrongSecretIsRefused(S3Server s3) {
        try (S3Client client = client(s3, "not-the-secret")) {
            S3Exception refused = org.junit.jupiter.api.Assertions.assertThrows(S3Exception.class, client::listBuckets);
            assertThat(refused.statusCode()).isEqualTo(403);
        }
    }

    private static S3Client client(S3Server s3, String secret) {
        return S3Client.builder()
                .endpointOverride(s3.endpoint())
                .region(Region.of(s3.region()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), secret)))
                .build();
    }
}
