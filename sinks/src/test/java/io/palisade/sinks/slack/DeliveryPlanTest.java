package io.palisade.sinks.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.palisade.schema.Severity;
import io.palisade.sinks.SinkRecord;
import io.palisade.sinks.TestAlerts;
import org.junit.jupiter.api.Test;

class DeliveryPlanTest {

    private final List<SinkRecord> batch = SlackAlertSinkTest.records(
            TestAlerts.minimal("w-1", "PAL-W", Severity.WARNING),
            TestAlerts.minimal("c-1", "PAL-C", Severity.CRITICAL),
            TestAlerts.minimal("n-1", "PAL-N", Severity.NOTICE),
            TestAlerts.minimal("e-1", "PAL-E", Severity.ERROR));

    @Test
    void aBatchWithinTheBudgetIsSentAlertByAlert() {
        DeliveryPlan plan = DeliveryPlan.of(batch, 4);

        assertThat(plan.single()).isEqualTo(batch);
        assertThat(plan.digested()).isEmpty();
    }

    @Test
    void beyondTheBudgetTheMostSevereGoSinglyAndOneDigestTakesTheRest() {
        DeliveryPlan plan = DeliveryPlan.of(batch, 3);

        assertThat(plan.single()).extracting(record -> record.alert().getId()).containsExactly("c-1", "e-1");
        assertThat(plan.digested()).extracting(record -> record.alert().getId()).containsExactly("w-1", "n-1");
    }

    @Test
    void withNoBudgetLeftTheWholeBatchIsOneDigestButALoneAlertStaysSingle() {
        assertThat(DeliveryPlan.of(batch, 0).digested()).hasSize(4);
        assertThat(DeliveryPlan.of(batch.subList(0, 1), 0).single()).hasSize(1);
    }
}
