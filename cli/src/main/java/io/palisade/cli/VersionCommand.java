package io.palisade.cli;

import java.util.concurrent.Callable;

import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code palisade version}: what is running, for bug reports. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = "Print the Palisade version, the Kafka client version and the Java runtime.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.println("palisade " + PalisadeVersion.current());
        out.println("kafka-clients " + AppInfoParser.getVersion());
        out.println("java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.home") + ")");
        out.flush();
        return 0;
    }
}
