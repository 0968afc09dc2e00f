package io.palisade.sinks.slack;

import java.util.Comparator;
import java.util.List;

import io.palisade.sinks.SinkRecord;

/**
 * Which alerts of a batch one webhook gets as messages of their own and which are summed up in one digest. When the
 * whole batch fits the budget every alert gets its own message; otherwise the most severe alerts use all but one of
 * the messages left and the digest takes the rest, so {@code single + digested} is always the whole batch.
 *
 * @param single   the alerts sent one message each, most severe first
 * @param digested the alerts of the digest; empty when there is none
 */
record DeliveryPlan(List<SinkRecord> single, List<SinkRecord> digested) {

    private static final Comparator<SinkRecord> MOST_SEVERE_FIRST =
            Comparator.comparing((SinkRecord record) -> record.alert().getRule().getSeverity()).reversed();

    /**
     * @param available messages the webhook may be sent right now; a batch of one alert is sent singly even at
     *                  zero (it waits for the budget), a digest of one being no summary
     */
    static DeliveryPlan of(List<SinkRecord> records, int available) {
        if (records.size() <= Math.max(available, 1)) {
            return new DeliveryPlan(records, List.of());
        }
        List<SinkRecord> bySeverity = records.stream().sorted(MOST_SEVERE_FIRST).toList();
        int single = Math.max(available - 1, 0);
        return new DeliveryPlan(bySeverity.subList(0, single), bySeverity.subList(single, bySeverity.size()));
    }
}
