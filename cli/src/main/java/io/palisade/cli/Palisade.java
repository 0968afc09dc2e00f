package io.palisade.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code palisade} command: one subcommand per process or tool. This is the only composition root; every other
 * module is a library wired together here.
 */
@Command(name = "palisade",
        mixinStandardHelpOptions = true,
        versionProvider = PalisadeVersion.class,
        description = "Security event pipeline for container hosts.",
        subcommands = {QuickstartCommand.class, AlertsCommand.class, CollectorCommand.class, DevStackCommand.class,
                KibanaCommand.class, ProcessorCommand.class, RulesCommand.class, SelftestCommand.class, SinksCommand.class,
                VersionCommand.class, CommandLine.HelpCommand.class})
public final class Palisade {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Palisade()).execute(args));
    }
}
