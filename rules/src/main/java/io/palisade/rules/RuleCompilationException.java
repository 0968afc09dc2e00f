package io.palisade.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Rules could not be loaded. Carries every problem found, not just the first, so one validate run is enough to fix
 * a rule directory.
 */
public final class RuleCompilationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleProblem> problems;

    public RuleCompilationException(List<RuleProblem> problems) {
        super(problems.size() + " rule problem(s):\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
