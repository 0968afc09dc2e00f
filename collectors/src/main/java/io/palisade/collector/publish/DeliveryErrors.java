package io.palisade.collector.publish;

import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Which delivery failures no retry can fix. Only errors about the record itself are permanent: a broker that is
 * away, a full buffer, a forced close or even failing authentication are outages from the host's point of view, and
 * the events wait in the spool until the operator or the network fixes them.
 */
final class DeliveryErrors {

    private DeliveryErrors() {
    }

    static boolean isRetriable(Throwable error) {
        return !(error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidTopicException || error instanceof TopicAuthorizationException
                || error instanceof SerializationException);
    }
}
