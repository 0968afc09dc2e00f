package io.palisade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.palisade.rules.RuleCatalog;
import io.palisade.rules.RuleEngine;
import org.junit.jupiter.api.Test;

/** rules/README.md's table of built-in rules is what {@code palisade rules list} prints, so it cannot drift. */
class ReadmeRulesTableTest {

    @Test
    void theReadmeListsEveryBuiltInRuleAsTheRulesDescribeThemselves() throws Exception {
        String readme = Files.readString(Path.of("..", "rules", "README.md"));

        String table = RuleCatalog.markdown(RuleEngine.load(List.of()).rules());

        assertThat(readme).as("rules/README.md must hold the output of `bin/palisade rules list`").contains(table);
    }
}
