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

    /**
     * A copy of {@code alert} to merge into: the evidence list is its own, the values a merge replaces (count, first
     * and last seen) are replaced on the copy only, and everything else, which no merge touches, is shared. A deep copy
     * of the whole alert, for every new alert in every suppressor, was a thirtieth of the stream thread's time.
     */
    static Alert mergeableCopy(Alert alert) {
        Alert copy = new Alert();
        for (int field = 0; field < Alert.getClassSchema().getFields().size(); field++) {
            copy.put(field, alert.get(field));
        }
        copy.put("evidence_event_ids", new ArrayList<>(alert.getEvidenceEventIds()));
        return copy;
    }

    /**
     * Folds {@code repeat} into {@code current}, which is changed in place: only suppression state, an alert decoded
     * from its store or copied into it ({@link #mergeableCopy}), is merged into, so its evidence list is mutable.
     */
    static void into(Alert current, Alert repeat) {
        List<String> evidence = current.getEvidenceEventIds();
        for (String id : repeat.getEvidenceEventIds()) {
            if (evidence.size() < EVIDENCE_SAMPLE && !evidence.contains(id)) {
                evidence.add(id);
            }
        }
        // By field name: the generated classes have no setters, and a builder would deep-copy the whole alert.
        current.put("count", current.getCount() + repeat.getCount());
        if (repeat.getFirstSeen().isBefore(current.getFirstSeen())) {
            current.put("first_seen", repeat.getFirstSeen());
        }
        if (repeat.getLastSeen().isAfter(current.getLastSeen())) {
            current.put("last_seen", repeat.getLastSeen());
        }
    }
}
