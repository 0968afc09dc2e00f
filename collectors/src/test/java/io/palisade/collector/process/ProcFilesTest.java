package io.palisade.collector.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both ways of reading a proc file system give the same answers: through libc, and through Java's file API. */
class ProcFilesTest {

    private static final byte[] CMDLINE = "cmdline".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EXE = "exe".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path root;

    static Stream<Arguments> implementations() {
        return Stream.of(Arguments.of("libc", (Function<Path, ProcFiles>) NativeProcFiles::new),
                Arguments.of("java", (Function<Path, ProcFiles>) JavaProcFiles::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void readsAFileAndALinkOfAProcess(String name, Function<Path, ProcFiles> implementation) {
        new FakeProc(root).process(4242, "ls", 1, 100, "/bin/büsybox", "0::/\n", "ls", "-l");
        ProcFiles files = implementation.apply(root);

        assertThat(text(files, files.read(4242, CMDLINE))).isEqualTo("ls\0-l\0");
        assertThat(text(files, files.readLink(4242, EXE))).isEqualTo("/bin/büsybox");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void readsFilesLongerThanItsFirstBufferWhole(String name, Function<Path, ProcFiles> implementation) {
        String longArgument = "x".repeat(100_000);
        new FakeProc(root).process(7, "sh", 1, 100, "/bin/" + "d".repeat(3_000), "0::/\n", "sh", longArgument);
        ProcFiles files = implementation.apply(root);

        assertThat(text(files, files.read(7, CMDLINE))).isEqualTo("sh\0" + longArgument + "\0");
        assertThat(text(files, files.readLink(7, EXE))).isEqualTo("/bin/" + "d".repeat(3_000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void aProcessThatIsGoneReadsAsMinusOne(String name, Function<Path, ProcFiles> implementation) {
        ProcFiles files = implementation.apply(root);

        assertThat(files.read(99, CMDLINE)).isEqualTo(-1);
        assertThat(files.readLink(99, EXE)).isEqualTo(-1);
    }

    private static String text(ProcFiles files, int length) {
        assertThat(length).isNotNegative();
        return new String(Arrays.copyOf(files.bytes(), length), StandardCharsets.UTF_8);
    }
}
