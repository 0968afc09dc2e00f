package io.palisade.devstack;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command line of a child JVM: options, module path, class path, main class and arguments.
 *
 * <p>The child runs on the same JDK as the parent, so a devstack started from a JDK 21+ build never picks up an
 * older {@code java} from the {@code PATH}.
 */
public record JavaCommand(List<String> jvmOptions, List<Path> modulePath, List<Path> classPath, String mainClass,
                          List<String> args) {

    public JavaCommand {
        jvmOptions = List.copyOf(jvmOptions);
        modulePath = List.copyOf(modulePath);
        classPath = List.copyOf(classPath);
        args = List.copyOf(args);
    }

    /** The argument vector, starting with the running JDK's {@code java}. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(jvmOptions);
        if (!modulePath.isEmpty()) {
            argv.add("--module-path");
            argv.add(joined(modulePath));
            argv.add("--add-modules");
            argv.add("ALL-MODULE-PATH");
        }
        if (!classPath.isEmpty()) {
            argv.add("-cp");
            argv.add(joined(classPath));
        }
        argv.add(mainClass);
        argv.addAll(args);
        return argv;
    }

    private static String joined(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
