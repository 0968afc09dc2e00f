package io.palisade.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** What {@code --help} shows: only options that do something, and the text as written. */
class CommandHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"collector", "processor", "sinks"})
    void longRunningServicesOfferTheOpsEndpointOptions(String command) {
        assertThat(help(command)).contains("--ops-port", "--ops-host", "--bootstrap-server", "--kafka-config");
    }

    @ParameterizedTest
    @ValueSource(strings = {"alerts tail", "selftest"})
    void commandsThatServeNoOpsEndpointDoNotOfferItsOptions(String command) {
        assertThat(help(command)).contains("--bootstrap-server", "--kafka-config")
                .doesNotContain("--ops-port", "--ops-host");
    }

    @Test
    void sinksHelpShowsTheEnvironmentPlaceholderItDescribes() {
        assertThat(help("sinks")).contains("${ENV_VAR}").doesNotContain("null");
    }

    private static String help(String command) {
        StringWriter out = new StringWriter();
        String[] args = (command + " --help").split(" ");
        int exit = new CommandLine(new Palisade()).setOut(new PrintWriter(out, true)).execute(args);
        assertThat(exit).isZero();
        return out.toString();
    }
}
