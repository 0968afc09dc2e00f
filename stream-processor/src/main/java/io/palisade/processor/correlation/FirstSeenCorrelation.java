package io.palisade.processor.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.palisade.schema.Alert;
import io.palisade.schema.ProcessEvent;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * PAL-CORR-003: a process executable never seen for its image ({@code container.image.name}) once the image's
 * learning period is over. Reads process exec events keyed by image name; state: store {@value #STORE} (per image,
 * the start of learning and up to {@code maxExecutablesPerImage} executables).
 *
 * <p>Learning starts at the event time of the image's first process, so a new image is learnt, not flagged. An alerted
 * executable is remembered and alerts once; when the set is full, unseen executables still alert (under one id per
 * image and executable) but are no longer remembered. Image profiles are not purged: there are few images and each
 * profile is what makes the correlation work.
 */
final class FirstSeenCorrelation extends CorrelationProcessor<ProcessEvent> {

    static final String STORE = "correlation-first-seen-store";

    private final Duration learning;
    private final int maxExecutables;
    private KeyValueStore<String, ImageProfile> profiles;

    private FirstSeenCorrelation(Duration learning, int maxExecutables) {
        this.learning = learning;
        this.maxExecutables = maxExecutables;
    }

    static CorrelationSupplier<ProcessEvent> supplier(CorrelationSettings settings) {
        return new CorrelationSupplier<>(
                () -> new FirstSeenCorrelation(settings.firstSeenLearning(), settings.maxExecutablesPerImage()),
                Set.of(CorrelationSupplier.store(STORE, StateSerdes.PROFILE)));
    }

    @Override
    void openStores(ProcessorContext<String, Alert> context) {
        profiles = context.getStateStore(STORE);
    }

    @Override
    Instant eventTime(ProcessEvent event) {
        return event.getEvent().getCreated();
    }

    @Override
    void correlate(String image, ProcessEvent event, Instant at) {
        String executable = event.getProcess().getExecutable();
        ImageProfile profile = profiles.get(image);
        if (profile == null) {
            profiles.put(image, new ImageProfile(at, Set.of(executable)));
            return;
        }
        if (profile.executables().contains(executable)) {
            return;
        }
        if (!profile.learning(at, learning)) {
            emit(alert(image, executable, profile, event, at));
        }
        ImageProfile next = profile.with(executable, maxExecutables);
        if (next != profile) {
            profiles.put(image, next);
        }
    }

    private static Alert alert(String image, String executable, ImageProfile profile, ProcessEvent event, Instant at) {
        String container = Wording.container(event.getContainer());
        String message = "%s ran in container %s (%s) on %s: never seen for this image since %s".formatted(executable,
                container, image, event.getHost().getName(), profile.learningStart());
        return CorrelationCatalog.FIRST_SEEN.alert(image + '\0' + executable, profile.learningStart(), message, at, at, 1)
                .setHost(event.getHost())
                .setContainer(event.getContainer())
                .setProcess(event.getProcess())
                .setUser(event.getUser())
                .setEvidenceEventIds(List.of(event.getEvent().getId()))
                .build();
    }

    @Override
    void purge(Instant latest) {
        // Profiles are kept for as long as the image runs anywhere; see the class comment.
    }
}
