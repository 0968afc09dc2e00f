package io.palisade.processor.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The executables seen for one image, kept in a state store keyed by image name.
 *
 * @param learningStart event time of the image's first process: learning lasts from here
 * @param executables   every executable seen, up to the configured bound
 */
record ImageProfile(Instant learningStart, Set<String> executables) {

    ImageProfile {
        executables = Set.copyOf(executables);
    }

    boolean learning(Instant at, Duration learning) {
        return at.isBefore(learningStart.plus(learning));
    }

    /** This profile with {@code executable} remembered, unless it already holds {@code max}. */
    ImageProfile with(String executable, int max) {
        if (executables.size() >= max) {
            return this;
        }
        Set<String> next = new LinkedHashSet<>(executables);
        next.add(executable);
        return new ImageProfile(learningStart, next);
    }
}
