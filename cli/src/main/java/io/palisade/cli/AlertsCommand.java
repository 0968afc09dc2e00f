package io.palisade.cli;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.palisade.cli.alerts.AlertSelection;
import io.palisade.cli.alerts.AlertView;
import io.palisade.cli.alerts.AlertsTail;
import io.palisade.schema.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code palisade alerts}: tools to look at the alerts in Kafka. */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Look at the alerts in Kafka (topic palisade.alerts).",
        subcommands = AlertsCommand.Tail.class)
final class AlertsCommand {

    /**
     * {@code palisade alerts tail}: prints palisade.alerts as it grows, one line (or JSON object) per alert. Reads
     * without a consumer group, so it commits nothing and never takes partitions from the sinks.
     */
    @Command(name = "tail", mixinStandardHelpOptions = true,
            description = {"Print alerts from palisade.alerts as they arrive, one per line, until Ctrl-C. Reads "
                    + "committed transactions only, commits no offsets. A suppressed repeat of an alert (same id, "
                    + "higher count) is printed again, marked as an update."})
    static final class Tail implements Callable<Integer> {

        static final int CANNOT_START = 1;

        @Spec
        private CommandSpec spec;

        @Mixin
        private KafkaOptions kafkaOptions;

        @Option(names = "--json", description = "One JSON object per line, nested like the Elasticsearch document; "
                + "absent values are null, \"update\" tells repeats apart.")
        private boolean json;

        @Option(names = "--min-severity", defaultValue = "DEBUG",
                description = "Lowest severity printed: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        private Severity minimumSeverity;

        @Option(names = "--rule", paramLabel = "RULE_ID",
                description = "Print only this rule's alerts, e.g. PAL-CNT-001 (repeatable).")
        private Set<String> ruleIds = new HashSet<>();

        @Option(names = "--from-beginning", description = "Start with the oldest alert Kafka still holds instead of "
                + "the next new one.")
        private boolean fromBeginning;

        @Option(names = "--color", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Colour the severity when printing to a terminal (default: on).")
        private boolean colour;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            AlertsTail tail;
            try {
                tail = new AlertsTail(kafkaOptions.kafkaClientProperties(), fromBeginning);
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("palisade alerts tail: " + e.getMessage());
                return CANNOT_START;
            }
            boolean coloured = colour && System.console() != null && !json;
            CountDownLatch finished = new CountDownLatch(1);
            Thread stopOnExit = new Thread(() -> {
                tail.close();
                awaitQuietly(finished);
            }, "alerts-tail-stop");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            try {
                tail.run(new AlertSelection(minimumSeverity, ruleIds), (alert, update) -> {
                    out.println(json ? AlertView.json(alert, update) : AlertView.line(alert, update, coloured));
                    out.flush();
                });
            } finally {
                finished.countDown();
            }
            return 0;
        }

        private static void awaitQuietly(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
