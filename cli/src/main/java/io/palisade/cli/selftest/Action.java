package io.palisade.cli.selftest;

import java.util.List;

/**
 * One suspicious action of the self-test and the built-in rules that must fire for it. Pure data: {@link Selftest}
 * performs it. In commands and scripts, {@value #MARKER} stands for the run's marker of the action, which names its
 * container or host directory, so its alerts are told apart from those of earlier runs and of other actions.
 */
public sealed interface Action permits Action.InContainer, Action.OnHost {

    /** Replaced by the action's marker, e.g. {@code 3f9c2a1b-shell}, in commands and scripts. */
    String MARKER = "{marker}";

    /** Replaced by the most seconds a container's main process may run, so none outlives a killed self-test. */
    String LIFETIME = "{lifetime}";

    /** Short name, unique in the catalogue; part of the marker. */
    String name();

    /** What the action does, as the table shows it. */
    String description();

    /** The rule ids that must fire, each with the action's container (or none on the host). */
    List<String> expectedRules();

    /**
     * Runs in a throw-away container of its own: started as {@code container} says, then {@code execs} run in it, one
     * after the other, like {@code docker exec}.
     *
     * @param execsAfterRule when not {@code null}, one of {@code expectedRules} whose alert the execs wait for (a
     *                       little while): a rule on the execs that needs the container's posture fires only once
     *                       the processor knows the container, which that alert shows
     */
    record InContainer(String name, String description, List<String> expectedRules, ContainerSpec container,
                       String execsAfterRule, List<Exec> execs) implements Action {

        public InContainer {
            expectedRules = List.copyOf(expectedRules);
            execs = List.copyOf(execs);
            if (execsAfterRule != null && !expectedRules.contains(execsAfterRule)) {
                throw new IllegalArgumentException(execsAfterRule + " is not among the expected rules of " + name);
            }
        }

        public InContainer(String name, String description, List<String> expectedRules, ContainerSpec container,
                           List<Exec> execs) {
            this(name, description, expectedRules, container, null, execs);
        }
    }

    /**
     * Runs {@code script} with {@code sh -c} on this host, with {@code HOME} set to a fresh directory inside the
     * directory the collector's file-integrity source watches; {@code $DIR} is that action's directory.
     */
    record OnHost(String name, String description, List<String> expectedRules, String script) implements Action {

        public OnHost {
            expectedRules = List.copyOf(expectedRules);
        }
    }

    /**
     * How an action's container is started.
     *
     * @param command           its main process; empty for one that only waits ({@code sleep})
     * @param privileged        {@code --privileged}
     * @param mountDockerSocket the engine's socket bind-mounted at /var/run/docker.sock
     * @param cpuPriority       scheduled with the highest CPU weight, so a busy loop gets a whole core even on a busy
     *                          host (a CPU-use rule has a threshold to reach)
     */
    record ContainerSpec(List<String> command, boolean privileged, boolean mountDockerSocket, boolean cpuPriority) {

        public ContainerSpec {
            command = List.copyOf(command);
        }

        /** A container that only waits, for {@code docker exec}s. */
        public static ContainerSpec idle() {
            return new ContainerSpec(List.of(), false, false, false);
        }
    }

    /**
     * One {@code docker exec}.
     *
     * @param command    the program and its arguments
     * @param user       {@code --user}; {@code null} for the image's user
     * @param privileged {@code --privileged}
     */
    record Exec(List<String> command, String user, boolean privileged) {

        public Exec {
            command = List.copyOf(command);
        }

        public static Exec of(String... command) {
            return new Exec(List.of(command), null, false);
        }
    }
}
