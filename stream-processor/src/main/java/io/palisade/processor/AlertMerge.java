package io.palisade.processor;

import java.util.ArrayList;
import java.util.List;

import io.palisade.schema.Alert;

/**
 * Folds a repeat of a finding into the alert it repeats: counts add up, first and last seen widen, and the evidence
 * ids grow up to a bounded sample (oldest first), so one alert document stays small however big the burst.
 */
final class AlertMerge {

    /** At most this many evidence event ids are kept on one alert; {@code count} says how many there were. */
    static final int EVIDENCE_SAMPLE = 10;

    private AlertMerge() {
    }

    static Alert merge(Alert current, Alert repeat) {
        List<String> evidence = new ArrayList<>(current.getEvidenceEventIds());
        for (String id : repeat.getEvidenceEventIds()) {
            if (evidence.size() < EVIDENCE_SAMPLE && !evidence.contains(id)) {
                evidence.add(id);
            }
        }
        return Alert.newBuilder(current)
                .setCount(current.getCount() + repeat.getCount())
                .setFirstSeen(current.getFirstSeen().isBefore(repeat.getFirstSeen())
                        ? current.getFirstSeen() : repeat.getFirstSeen())
                .setLastSeen(current.getLastSeen().isAfter(repeat.getLastSeen())
                        ? current.getLastSeen() : repeat.getLastSeen())
                .setEvidenceEventIds(evidence)
                .build();
    }
}
