package io.palisade.processor;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.palisade.schema.DeadLetter;
import io.palisade.schema.serde.DeadLetters;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a processor throws on a readable event (a rule that breaks on an unexpected field value, say), the event goes
 * to palisade.deadletter with its source coordinates and the exception, and the stream goes on: one bad event must
 * not stop a fleet's detection, nor vanish. The dead letter is sent by the task's producer, so it commits with the
 * consumed offset.
 *
 * <p>Kafka Streams builds this handler from its configuration, so the processor's registry comes in as the value of
 * {@link #METER_REGISTRY} in the streams properties; without it the counts go to a registry of their own.
 */
public final class DeadLetterOnProcessingError implements ProcessingExceptionHandler {

    /** Streams property holding the {@link MeterRegistry} the dead letters are counted in. */
    public static final String METER_REGISTRY = "palisade.meter.registry";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOnProcessingError.class);

    private TopologyMetrics metrics = new TopologyMetrics(new SimpleMeterRegistry());

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.atError().setMessage("Event failed in the topology; sent to the dead-letter topic")
                .addKeyValue("processor", context.processorNodeId()).addKeyValue("topic", context.topic())
                .addKeyValue("partition", context.partition()).addKeyValue("offset", context.offset())
                .setCause(exception).log();
        DeadLetter letter = DeadLetters.of(context.topic(), context.partition(), context.offset(), context.timestamp(),
                context.sourceRawKey(), context.sourceRawValue(), exception, Instant.now());
        metrics.deadLettered(letter, TopologyMetrics.PROCESSING_ERROR);
        return Response.resume(List.of(new ProducerRecord<>(Topics.DEAD_LETTERS.name(),
                Topics.DEAD_LETTERS.keySerde().serializer().serialize(Topics.DEAD_LETTERS.name(), context.topic()),
                Topics.DEAD_LETTERS.valueSerde().serializer().serialize(Topics.DEAD_LETTERS.name(), letter))));
    }

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(METER_REGISTRY) instanceof MeterRegistry registry) {
            metrics = new TopologyMetrics(registry);
        }
    }
}
