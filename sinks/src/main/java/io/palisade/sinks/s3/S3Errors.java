package io.palisade.sinks.s3;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The one classification of S3 errors: throttling (429, 503 SlowDown), server errors and client-side I/O (endpoint
 * down, timeout) are retried; every other answer (403 credentials, 404 missing bucket, 400...) is permanent.
 */
final class S3Errors {

    private S3Errors() {
    }

    static boolean isRetriable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SdkServiceException service) {
                return service.isThrottlingException() || service.statusCode() == 429 || service.statusCode() >= 500;
            }
            if (cause instanceof SdkClientException) {
                return true;
            }
        }
        return false;
    }
}
