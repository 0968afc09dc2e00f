package io.palisade.bench;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.palisade.rules.Facts;
import io.palisade.rules.RuleEngine;
import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerPosture;
import io.palisade.schema.topic.Topic;
import io.palisade.schema.topic.Topics;
import org.apache.avro.specific.SpecificRecord;

/**
 * What one event costs the processor's two biggest steps, on one thread, outside Kafka: reading it (the Avro serde,
 * with its well-formedness walk) and evaluating the built-in rule library on it, each per event kind of the
 * ProcessorThroughput mix. These set a floor under the processor's cost a record, which ProcessorThroughput compares
 * with a pass-through topology.
 *
 * <p>Usage: {@code bin/bench EventCost [events per measurement, default 200000]}. Each figure is the best of five
 * measurements after a warm-up of as many events, so it is the warm cost, not the compiler's.
 */
public final class EventCostBenchmark {

    private static final int ROUNDS = 5;

    private EventCostBenchmark() {
    }

    public static void main(String[] args) {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        RuleEngine rules = RuleEngine.load(List.of());
        ProcessorEvents samples = new ProcessorEvents();
        Instant at = Instant.now();
        String container = ProcessorEvents.containerId(0);
        ContainerEvent inventory = samples.inventory(0, 1, at);
        ContainerPosture posture = inventory.getPosture();
        System.out.printf("EventCost: %,d events a measurement, best of %d, one thread, %d rules%n", events, ROUNDS,
                rules.rules().size());
        System.out.printf("%-24s %8s %12s %12s %14s%n", "event", "bytes", "decode us", "encode us", "rules us");
        // A process event as enrichment leaves it: the inventory's container, and its posture beside it.
        report("process (nginx exec)", Topics.PROCESS_EVENTS, samples.process(0, container, at), rules, posture,
                events);
        report("process (curl exec)", Topics.PROCESS_EVENTS, samples.process(4, container, at), rules, posture,
                events);
        report("file", Topics.FILE_EVENTS, samples.file(0, container, at), rules, posture, events);
        report("stats", Topics.CONTAINER_STATS, samples.stats(0, container, at), rules, posture, events);
        report("container (docker exec)", Topics.CONTAINER_EVENTS, samples.shellExec(0, container, at), rules, null,
                events);
    }

    private static <V extends SpecificRecord> void report(String name, Topic<String, V> topic, V event,
                                                          RuleEngine rules, ContainerPosture posture, int events) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), event);
        Facts facts = posture == null ? Facts.of(event) : Facts.of(event).withPosture(posture);
        double decode = bestMicros(events, () -> topic.valueSerde().deserializer().deserialize(topic.name(), bytes));
        double encode = bestMicros(events, () -> topic.valueSerde().serializer().serialize(topic.name(), event));
        double evaluate = bestMicros(events, () -> rules.evaluate(facts));
        System.out.printf("%-24s %8d %12.2f %12.2f %14.2f   fires %s%n", name, bytes.length, decode, encode, evaluate,
                rules.evaluate(facts).stream().map(finding -> finding.rule().id()).toList());
    }

    /** The best of {@value #ROUNDS} timed runs of {@code events} calls, after one untimed run, in µs a call. */
    private static double bestMicros(int events, Supplier<?> call) {
        double best = Double.MAX_VALUE;
        Object sink = null;
        for (int round = 0; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                sink = call.get();
            }
            double micros = (System.nanoTime() - start) / 1e3 / events;
            if (round > 0) {
                best = Math.min(best, micros);
            }
        }
        if (sink == null) {
            throw new IllegalStateException("nothing was computed");
        }
        return best;
    }
}
