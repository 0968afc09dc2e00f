package io.palisade.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import io.palisade.devstack.KafkaBroker;
import io.palisade.processor.ProcessorConfig;
import io.palisade.processor.SecurityTopology;
import io.palisade.processor.StreamsSettings;
import io.palisade.rules.RuleEngine;
import io.palisade.schema.Alert;
import io.palisade.schema.topic.Topic;
import io.palisade.schema.topic.TopicCreator;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Throughput and event-to-alert latency of the stream processor on a real (devstack) Kafka broker, one stream
 * thread, the full built-in rule library, exactly-once.
 *
 * <ol>
 *   <li>Throughput: the inventory of {@value #CONTAINERS} containers and host heartbeats, then rounds of
 *       {@value #WARMUP_ROUND_EVENTS} warm-up events (60% process, 20% file, 15% stats, 5% docker exec; containers
 *       rotating over the inventoried pool) until the JIT compilers have settled: a round in which they spent less
 *       than {@value #SETTLED_JIT_SHARE} of its wall-clock time, or {@link #WARMUP_LIMIT} at most. Then the processor
 *       is paused, N more events of the same mix are written, and the processor is resumed and timed until its
 *       consumer group has committed every input record (lag 0), or for 45 s at most (then the rate is that of the
 *       records committed so far). Why the warm-up: a fresh JVM compiles the hot paths of Kafka Streams, Drools and
 *       Avro for tens of seconds, and on two cores the compiler threads took most of a core during a 3 s warm-up's
 *       timed run; a processor in production runs warm.</li>
 *   <li>Baseline: the same input through a pass-through topology (bytes in, bytes out to one topic, same
 *       exactly-once settings), timed over everything but the first warm-up round (its code is warm from the
 *       processor's run in the same JVM): the ratio says what rules, enrichment, correlation and suppression
 *       cost.</li>
 *   <li>Latency: a processor starting at the end of the inputs, fed the same mix at a steady rate, first for
 *       {@value #LATENCY_WARMUP_SECONDS} s of warm-up whose alerts are not counted; the shells in it (one event in 20)
 *       each run in a container of their own, so suppression hides none of their alerts; latency = time the
 *       committed alert is read - the shell's creation time (set when it is produced).</li>
 * </ol>
 * Usage: {@code bin/bench ProcessorThroughput [events, default 200000] [latency rate/s, default 5000]
 * [latency seconds, default 30]}. Needs nothing but a JDK 21+: the broker is a child JVM.
 */
public final class ProcessorThroughputBenchmark {

    private static final int CONTAINERS = 500;
    private static final int HOSTS = 20;
    private static final String PASS_THROUGH_TOPIC = "palisade.bench.passthrough";
    private static final String LATENCY_RULE = "PAL-PROC-001";
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(2);
    /** Each timed drain stops here at the latest, so a slow machine still gets its figures in minutes. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(45);
    private static final int WARMUP_ROUND_EVENTS = 20_000;
    /** The JIT compilers' time within a round, as a share of the round's wall-clock time, under which it is warm. */
    private static final double SETTLED_JIT_SHARE = 0.05;
    private static final Duration WARMUP_LIMIT = Duration.ofSeconds(120);
    private static final int LATENCY_WARMUP_SECONDS = 10;

    private static final List<Topic<String, ?>> INPUTS = List.of(Topics.PROCESS_EVENTS, Topics.FILE_EVENTS,
            Topics.CONTAINER_STATS, Topics.CONTAINER_EVENTS, Topics.HOST_EVENTS, Topics.CONTAINER_INVENTORY);

    private ProcessorThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        ScratchDirectory.use("palisade-bench-processor-", work -> {
            RuleEngine rules = RuleEngine.load(List.of());
            try (KafkaBroker kafka = new KafkaBroker(work.resolve("kafka"), work.resolve("logs"));
                 Admin admin = startBroker(kafka);
                 KafkaProducer<String, byte[]> producer = producer(kafka)) {
                ConsumerLag lag = new ConsumerLag(admin, inputPartitions(admin));
                ProcessorEvents samples = new ProcessorEvents();
                Instant start = Instant.now();
                produceInventory(producer, samples, start);
                ProcessorConfig config = ProcessorConfig.defaults().withKafka(kafka.bootstrapServers(),
                        "bench-processor", work.resolve("processor-state"), 1);
                System.out.printf("ProcessorThroughput: %,d timed events after a warm-up (inventory of %d containers "
                        + "and %d hosts), 1 stream thread, exactly-once, %d rules%n", events, CONTAINERS, HOSTS,
                        rules.rules().size());
                double processorRate = warmThenDrain(SecurityTopology.build(config, rules, Clock.systemUTC()),
                        config.streamsProperties(), lag, producer, samples, start, events);
                Properties passThroughProperties = StreamsSettings.of(kafka.bootstrapServers(), "bench-passthrough",
                        work.resolve("passthrough-state"), 1);
                // Timed over all but the first warm-up round: at its rate the timed events alone last about a second,
                // which the 100 ms commit interval makes a coarse clock.
                double passThroughRate = drain("pass-through", passThrough(), passThroughProperties, lag,
                        lag.records() - WARMUP_ROUND_EVENTS);

                long[] latencies = latency(kafka, producer, samples,
                        SecurityTopology.build(config, rules, Clock.systemUTC()), latencyProperties(config, work), rate,
                        seconds);

                System.out.printf("%-34s %,12.0f events/s%n", "processor (rules, enrichment...)", processorRate);
                System.out.printf("%-34s %,12.0f events/s%n", "pass-through baseline", passThroughRate);
                System.out.printf("%-34s %12.2f (target >= 0.5: %s; events/s target >= 50,000: %s)%n",
                        "ratio processor / pass-through", processorRate / passThroughRate,
                        met(processorRate / passThroughRate >= 0.5), met(processorRate >= 50_000));
                if (latencies.length == 0) {
                    System.out.println("latency: no alert came back");
                } else {
                    long p99 = percentile(latencies, 0.99);
                    System.out.printf("%-34s p50 %d ms, p99 %d ms, max %d ms over %,d alerts at %,d events/s "
                                    + "(p99 target <= 250 ms: %s)%n", "event-to-alert latency",
                            percentile(latencies, 0.50), p99, latencies[latencies.length - 1], latencies.length, rate,
                            met(p99 <= 250));
                }
            }
        });
    }

    private static Admin startBroker(KafkaBroker kafka) {
        kafka.start();
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        TopicCreator.ensure(admin, Topics.all(), (short) 1);
        try {
            admin.createTopics(List.of(new NewTopic(PASS_THROUGH_TOPIC, Topics.PARTITIONS, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + PASS_THROUGH_TOPIC, e);
        }
        return admin;
    }

    private static List<TopicPartition> inputPartitions(Admin admin) throws Exception {
        return admin.describeTopics(INPUTS.stream().map(Topic::name).toList()).allTopicNames().get().values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
    }

    /** Host heartbeats and the inventory of the container pool, stamped {@code at}. */
    private static void produceInventory(KafkaProducer<String, byte[]> producer, ProcessorEvents samples,
                                         Instant at) {
        for (int h = 0; h < HOSTS; h++) {
            send(producer, Topics.HOST_EVENTS, ProcessorEvents.hostId(h), samples.heartbeat(h, at), at);
        }
        sendInventory(producer, samples, at);
        producer.flush();
    }

    /**
     * Events {@code from} to {@code from + count - 1} of the mix, event {@code i} stamped 1 ms + i / 100 ms after
     * {@code start}.
     */
    private static void produceEvents(KafkaProducer<String, byte[]> producer, ProcessorEvents samples, long from,
                                      int count, Instant start) {
        for (long i = from; i < from + count; i++) {
            sendMixed(producer, samples, i, ProcessorEvents.containerId((int) (i % CONTAINERS)),
                    start.plusMillis(1 + i / 100));
        }
        producer.flush();
    }

    private static void sendInventory(KafkaProducer<String, byte[]> producer, ProcessorEvents samples, Instant at) {
        for (int c = 0; c < CONTAINERS; c++) {
            send(producer, Topics.CONTAINER_INVENTORY, ProcessorEvents.containerId(c),
                    samples.inventory(c, HOSTS, at), at);
        }
    }

    /** Event {@code i} of the mix: 60 % process, 20 % file, 15 % stats, 5 % docker exec of a shell. */
    private static void sendMixed(KafkaProducer<String, byte[]> producer, ProcessorEvents samples, long i,
                                  String container, Instant at) {
        switch ((int) (i % 20)) {
            case 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 ->
                    send(producer, Topics.PROCESS_EVENTS, container, samples.process(i, container, at), at);
            case 12, 13, 14, 15 -> send(producer, Topics.FILE_EVENTS, container, samples.file(i, container, at), at);
            case 16, 17, 18 -> send(producer, Topics.CONTAINER_STATS, container, samples.stats(i, container, at), at);
            default -> send(producer, Topics.CONTAINER_EVENTS, container, samples.shellExec(i, container, at), at);
        }
    }

    /**
     * Warms the processor up (see the class comment), pauses it, writes {@code timed} events and times it through
     * them; returns the timed records committed per second.
     */
    private static double warmThenDrain(Topology topology, Properties properties, ConsumerLag lag,
                                        KafkaProducer<String, byte[]> producer, ProcessorEvents samples,
                                        Instant start, int timed) throws Exception {
        String group = properties.getProperty("application.id");
        try (KafkaStreams streams = new KafkaStreams(topology, properties)) {
            awaitRunning(streams);
            long produced = warmUp(group, lag, producer, samples, start);
            streams.pause();
            produceEvents(producer, samples, produced, timed, start);
            streams.resume();
            return timedDrain("processor", group, lag);
        }
    }

    /**
     * Rounds of {@value #WARMUP_ROUND_EVENTS} events, each run through, until the JIT compilers have settled or
     * {@link #WARMUP_LIMIT} has passed; returns the number of events written.
     */
    private static long warmUp(String group, ConsumerLag lag, KafkaProducer<String, byte[]> producer,
                               ProcessorEvents samples, Instant start) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + WARMUP_LIMIT.toNanos();
        long produced = 0;
        int rounds = 0;
        double jitShare;
        do {
            long roundStart = System.nanoTime();
            long compiledBefore = jit.getTotalCompilationTime();
            produceEvents(producer, samples, produced, WARMUP_ROUND_EVENTS, start);
            produced += WARMUP_ROUND_EVENTS;
            rounds++;
            if (!lag.awaitAtMost(group, 0, PHASE_TIMEOUT)) {
                throw new IllegalStateException("the processor did not get through a warm-up round within "
                        + PHASE_TIMEOUT);
            }
            jitShare = (jit.getTotalCompilationTime() - compiledBefore) * 1e6 / (System.nanoTime() - roundStart);
        } while (jitShare >= SETTLED_JIT_SHARE && System.nanoTime() < deadline);
        System.out.printf("  processor warm-up: %d rounds, %,d events; JIT compilers' share of the last round "
                + "%.0f %%%s%n",
                rounds, produced, jitShare * 100, jitShare >= SETTLED_JIT_SHARE ? " (stopped at the time limit)" : "");
        return produced;
    }

    /**
     * Runs the topology through everything but the last {@code timed} records untimed, then times it through them.
     */
    private static double drain(String name, Topology topology, Properties properties, ConsumerLag lag, long timed)
            throws Exception {
        String group = properties.getProperty("application.id");
        try (KafkaStreams streams = new KafkaStreams(topology, properties)) {
            awaitRunning(streams);
            if (!lag.awaitAtMost(group, timed, PHASE_TIMEOUT)) {
                throw new IllegalStateException(name + " did not get through the warm-up within " + PHASE_TIMEOUT);
            }
            return timedDrain(name, group, lag);
        }
    }

    /**
     * Times the running application until it has committed every input record, or for at most
     * {@link #DRAIN_LIMIT}; returns the records committed per second. A run cut short still gives its rate, so a slow
     * machine gets a figure, not an exception.
     */
    private static double timedDrain(String name, String group, ConsumerLag lag) throws Exception {
        long records = lag.records();
        long start = System.nanoTime();
        long cpuBefore = streamThreadCpuNanos(group);
        long before = records - lag.lag(group);
        boolean all = lag.awaitAtMost(group, 0, DRAIN_LIMIT);
        double secondsTaken = (System.nanoTime() - start) / 1e9;
        long done = records - lag.lag(group) - before;
        double cpuMicrosPerRecord = (streamThreadCpuNanos(group) - cpuBefore) / 1e3 / done;
        System.out.printf("  %s: %,d records committed in %.1f s after the warm-up%s; stream thread CPU %.1f us "
                + "a record%n", name, done, secondsTaken, all ? "" : " (stopped at the time limit)",
                cpuMicrosPerRecord);
        return done / secondsTaken;
    }

    /**
     * CPU time of the application's stream thread so far: on a shared machine the wall-clock rate moves with the
     * load of others, the CPU a record costs much less.
     */
    private static long streamThreadCpuNanos(String applicationId) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(applicationId + "-") && t.getName().contains("-StreamThread-"))
                .mapToLong(t -> threads.getThreadCpuTime(t.threadId())).sum();
    }

    /** Consume, produce the bytes unchanged: what the processor costs at least, whatever its rules. */
    private static Topology passThrough() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUTS.stream().map(Topic::name).toList(), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .to(PASS_THROUGH_TOPIC, Produced.with(Serdes.String(), Serdes.ByteArray()));
        return builder.build();
    }

    /**
     * A processor of its own for the latency phase that starts at the end of the inputs: a backlog the throughput
     * phase left would otherwise delay every alert.
     */
    private static Properties latencyProperties(ProcessorConfig config, Path work) {
        Properties properties = config.withKafka(config.kafka().bootstrapServers(), "bench-processor-latency",
                work.resolve("latency-state"), 1).streamsProperties();
        properties.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "latest");
        return properties;
    }

    /** The steady mix at {@code rate}; returns the sorted latencies (ms) of the shells' first alerts. */
    private static long[] latency(KafkaBroker kafka, KafkaProducer<String, byte[]> producer, ProcessorEvents samples,
                                  Topology processor, Properties properties, int rate, int seconds)
            throws Exception {
        List<Long> latencies = new ArrayList<>();
        AtomicBoolean producing = new AtomicBoolean(true);
        long sent = (long) rate * seconds / 20;
        try (KafkaStreams streams = new KafkaStreams(processor, properties);
             KafkaConsumer<String, Alert> alerts = alertConsumer(kafka)) {
            awaitRunning(streams);
            Thread reader = Thread.ofPlatform().name("bench-alert-reader").start(() -> {
                long quietDeadline = Long.MAX_VALUE;
                while (latencies.size() < sent && System.nanoTime() < quietDeadline) {
                    for (ConsumerRecord<String, Alert> r : alerts.poll(Duration.ofMillis(50))) {
                        Alert alert = r.value();
                        if (alert.getRule().getId().equals(LATENCY_RULE) && alert.getCount() == 1
                                && alert.getContainer().getId().startsWith("lat-")) {
                            latencies.add(System.currentTimeMillis() - alert.getFirstSeen().toEpochMilli());
                        }
                    }
                    if (!producing.get() && quietDeadline == Long.MAX_VALUE) {
                        quietDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    }
                }
            });
            // The benchmark's one producer, which has written to every topic already: a new one would first wait
            // for each topic's metadata, holding the first events of the timed part, already stamped, for hundreds of
            // milliseconds. This processor starts at the end of the topics: the inventory goes first.
            sendInventory(producer, samples, Instant.now());
            producer.flush();
            // Shells of the warm-up run in containers "warm-N": their alerts are not counted.
            paced(producer, samples, rate, LATENCY_WARMUP_SECONDS, "warm-", 0);
            paced(producer, samples, rate, seconds, "lat-", (long) rate * LATENCY_WARMUP_SECONDS);
            producing.set(false);
            reader.join();
        }
        System.out.printf("  latency: %,d events sent at %,d/s for %d s after %d s of warm-up, %,d of them shells; "
                + "%,d alerts read%n", (long) rate * seconds, rate, seconds, LATENCY_WARMUP_SECONDS, sent,
                latencies.size());
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    /**
     * {@code rate} events a second of the same mix as the throughput phase, in 10 ms slices, each stamped with the
     * time it is produced, numbered from {@code firstId}; the shells (one event in 20) run in containers of their own,
     * {@code <shells>N}, so that no alert of theirs is a repeat.
     */
    private static void paced(KafkaProducer<String, byte[]> producer, ProcessorEvents samples, int rate, int seconds,
                              String shells, long firstId) throws InterruptedException {
        int perSlice = Math.max(1, rate / 100);
        long start = System.nanoTime();
        long id = firstId;
        for (int slice = 0; slice < seconds * 100; slice++) {
            for (int n = 0; n < perSlice; n++, id++) {
                Instant now = Instant.now();
                long event = 1_000_000_000L + id;
                sendMixed(producer, samples, event, event % 20 == 19 ? shells + id
                        : ProcessorEvents.containerId((int) (id % CONTAINERS)), now);
            }
            long due = start + (slice + 1) * 10_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        producer.flush();
    }

    private static KafkaConsumer<String, Alert> alertConsumer(KafkaBroker kafka) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // The latency measured is when an alert becomes readable, not how long a consumer lets the broker hold a fetch
        // that found nothing committed yet (500 ms by default).
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(p, Topics.ALERTS.keySerde().deserializer(),
                Topics.ALERTS.valueSerde().deserializer());
        List<TopicPartition> partitions = IntStream.range(0, consumer.partitionsFor(Topics.ALERTS.name()).size())
                .mapToObj(i -> new TopicPartition(Topics.ALERTS.name(), i)).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static void awaitRunning(KafkaStreams streams) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        if (!running.await(PHASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("Kafka Streams did not reach RUNNING within " + PHASE_TIMEOUT);
        }
    }

    private static KafkaProducer<String, byte[]> producer(KafkaBroker kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static <V> void send(KafkaProducer<String, byte[]> producer, Topic<String, V> topic, String key, V value,
                                 Instant at) {
        producer.send(new ProducerRecord<>(topic.name(), null, at.toEpochMilli(), key,
                topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    private static long percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static String met(boolean met) {
        return met ? "met" : "MISSED";
    }
}
