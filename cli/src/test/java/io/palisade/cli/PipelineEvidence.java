package io.palisade.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import io.palisade.schema.topic.Topic;
import io.palisade.schema.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What an end-to-end test of the quickstart keeps when it fails, so that the failure explains itself: the
 * quickstart's output, every dead letter, every process and file event, the containers' inventory records and
 * the events the enricher still held back, written below {@code target/failure-evidence/<test>/}, with a summary on
 * standard error (all a CI log shows). Uncommitted records are read too: they are evidence as well.
 */
final class PipelineEvidence {

    private static final Duration READ_LIMIT = Duration.ofSeconds(30);
    private static final String HELD_BACK_CHANGELOG_SUFFIX = "enrichment-pending-changelog";
    private static final int LAST_FILE_EVENTS = 20;

    private PipelineEvidence() {
    }

    /** Writes the evidence; a failure to gather some of it is written down too, never thrown over the test's. */
    static void keep(String test, String bootstrap, String quickstartOut, String quickstartErr) {
        Path directory = Path.of("target", "failure-evidence", test).toAbsolutePath();
        StringBuilder summary = new StringBuilder("Evidence of the failure kept in " + directory + "\n");
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("quickstart-stdout.txt"), quickstartOut);
            Files.writeString(directory.resolve("quickstart-stderr.txt"), quickstartErr);
            if (bootstrap != null) {
                keepTopics(bootstrap, directory, summary);
            }
        } catch (IOException | RuntimeException e) {
            summary.append("  gathering stopped: ").append(e).append('\n');
        }
        System.err.print(summary);
    }

    private static void keepTopics(String bootstrap, Path directory, StringBuilder summary) throws IOException {
        List<ConsumerRecord<byte[], byte[]>> deadLetters = read(bootstrap, Topics.DEAD_LETTERS.name());
        write(directory.resolve("deadletters.txt"), deadLetters, Topics.DEAD_LETTERS);
        summary.append("  dead letters: ").append(deadLetters.size()).append('\n');
        deadLetters.stream().limit(10).forEach(record -> summary.append("    ")
                .append(decode(Topics.DEAD_LETTERS, record, letter -> letter)).append('\n'));

        // Keyed by container id (host events by the host id, which no inventory record has).
        List<ConsumerRecord<byte[], byte[]>> inventory = read(bootstrap, Topics.CONTAINER_INVENTORY.name());
        write(directory.resolve("inventory-containers.txt"), inventory, Topics.CONTAINER_INVENTORY);
        TreeSet<String> containers = new TreeSet<>();
        inventory.forEach(record -> containers.add(key(record)));
        List<ConsumerRecord<byte[], byte[]>> processEvents = read(bootstrap, Topics.PROCESS_EVENTS.name());
        Map<String, TreeSet<String>> namesByKey = new TreeMap<>();
        processEvents.forEach(record -> namesByKey.computeIfAbsent(key(record), k -> new TreeSet<>())
                .add(decode(Topics.PROCESS_EVENTS, record, event -> event.getProcess().getName())));
        write(directory.resolve("process-events.txt"), processEvents, Topics.PROCESS_EVENTS);
        summary.append("  process events: ").append(processEvents.size()).append("; program names by key (")
                .append(containers.size()).append(" containers in the inventory):\n");
        namesByKey.forEach((key, names) -> summary.append("    ").append(key)
                .append(containers.contains(key) ? " (in inventory) " : " ").append(names).append('\n'));

        List<ConsumerRecord<byte[], byte[]>> fileEvents = read(bootstrap, Topics.FILE_EVENTS.name());
        write(directory.resolve("file-events.txt"), fileEvents, Topics.FILE_EVENTS);
        summary.append("  file events: ").append(fileEvents.size()).append("; the last ").append(LAST_FILE_EVENTS)
                .append(" as action, mode, path:\n");
        fileEvents.stream().skip(Math.max(0, fileEvents.size() - LAST_FILE_EVENTS))
                .forEach(record -> summary.append("    ").append(decode(Topics.FILE_EVENTS, record, event ->
                        event.getEvent().getAction() + " " + event.getFile().getMode() + " " + event.getFile().getPath()))
                        .append('\n'));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (String topic : admin.listTopics().names().get()) {
                if (topic.endsWith(HELD_BACK_CHANGELOG_SUFFIX)) {
                    keepHeldBack(bootstrap, topic, directory, summary);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            summary.append("  topics not listed: ").append(e.getCause()).append('\n');
        }
    }

    /** The last state per key of the enricher's changelog: a key whose last record has a value is still held. */
    private static void keepHeldBack(String bootstrap, String changelog, Path directory, StringBuilder summary)
            throws IOException {
        Map<String, Integer> lastValueBytes = new TreeMap<>();
        read(bootstrap, changelog).forEach(record -> lastValueBytes.put(key(record),
                record.value() == null ? -1 : record.value().length));
        List<String> held = lastValueBytes.entrySet().stream().filter(entry -> entry.getValue() >= 0)
                .map(entry -> entry.getKey() + " (" + entry.getValue() + " bytes)").toList();
        Files.write(directory.resolve("enrichment-held-back.txt"), held, StandardCharsets.UTF_8);
        summary.append("  events still held back for their container's inventory record: ").append(held.size())
                .append('\n');
        held.stream().limit(10).forEach(line -> summary.append("    ").append(line).append('\n'));
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static <V> void write(Path file, List<ConsumerRecord<byte[], byte[]>> records, Topic<String, V> topic)
            throws IOException {
        List<String> lines = records.stream().map(record -> record.partition() + "/" + record.offset() + " ts="
                + record.timestamp() + " key=" + key(record) + " " + decode(topic, record, value -> value)).toList();
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** What {@code view} shows of the record's value; a tombstone or an unreadable value says so instead. */
    private static <V> String decode(Topic<String, V> topic, ConsumerRecord<byte[], byte[]> record,
                                     Function<V, ?> view) {
        if (record.value() == null) {
            return "(tombstone)";
        }
        try {
            return String.valueOf(view.apply(topic.valueSerde().deserializer().deserialize(record.topic(),
                    record.value())));
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? "(no key)" : new String(record.key(), StandardCharsets.UTF_8);
    }
}
