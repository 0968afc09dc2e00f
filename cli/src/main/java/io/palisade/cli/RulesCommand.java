package io.palisade.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.palisade.rules.RuleCatalog;
import io.palisade.rules.RuleCompilationException;
import io.palisade.rules.RuleEngine;
import io.palisade.rules.fixture.FixtureReport;
import io.palisade.rules.fixture.FixtureRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code palisade rules validate|test DIR}: check user rules before the processor loads them. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Validate or test rule directories (DRL files, lists/*.txt allow-lists, fixtures/<rule-id>/*.json).",
        subcommands = {RulesCommand.Validate.class, RulesCommand.Test.class, RulesCommand.ListRules.class})
final class RulesCommand {

    /** Exit code when rules do not compile or fixtures fail. */
    static final int RULES_FAILED = 1;

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Compile the built-in rules plus the DRL in DIR; print every problem as file:line: message.")
    static final class Validate implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "Directory of user rules.")
        private Path dir;

        @Override
        public Integer call() {
            requireDirectory(dir);
            try {
                RuleEngine engine = RuleEngine.load(List.of(dir));
                System.out.println("OK: " + engine.rules().size() + " rules, " + engine.allowLists().size()
                        + " allow-lists");
                return 0;
            } catch (RuleCompilationException e) {
                System.err.println(e.getMessage());
                return RULES_FAILED;
            }
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run every fixture in DIR (built-in rules when DIR is omitted) and print a pass/fail table.")
    static final class Test implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "Directory of user rules and their fixtures.")
        private Path dir;

        @Override
        public Integer call() {
            try {
                FixtureReport report;
                if (dir == null) {
                    report = FixtureRunner.runBuiltin(RuleEngine.load(List.of()));
                } else {
                    requireDirectory(dir);
                    report = FixtureRunner.run(RuleEngine.load(List.of(dir)), dir);
                }
                System.out.println(report.table());
                return report.passed() ? 0 : RULES_FAILED;
            } catch (RuleCompilationException e) {
                System.err.println(e.getMessage());
                return RULES_FAILED;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print the loaded rules (built-in, plus those in DIR) as a markdown table, as in rules/README.md.")
    static final class ListRules implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", arity = "0..1", description = "Directory of user rules.")
        private Path dir;

        @Override
        public Integer call() {
            try {
                System.out.print(RuleCatalog.markdown(RuleEngine.load(dir == null ? List.of() : List.of(dir)).rules()));
                return 0;
            } catch (RuleCompilationException e) {
                System.err.println(e.getMessage());
                return RULES_FAILED;
            }
        }
    }

    private static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new RulesCommand()),
                    dir + " is not a directory");
        }
    }
}
