package io.palisade.processor.correlation;

import static io.palisade.processor.correlation.Records.T0;
import static io.palisade.processor.correlation.Records.container;
import static io.palisade.processor.correlation.Records.host;
import static io.palisade.processor.correlation.Records.ruleAlert;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import io.palisade.schema.Alert;
import io.palisade.schema.Severity;
import org.junit.jupiter.api.Test;

class FleetCorrelationTest extends CorrelationTestSupport {

    private static final String RULE = "PAL-CNT-001";

    private static Alert on(String hostId, String rule, Instant at) {
        return ruleAlert(rule, hostId + "-" + rule + "-" + at.toEpochMilli(), at, container("c-" + hostId, "nginx:1.27"),
                host(hostId));
    }

    @Test
    void theSameRuleOnThreeHostsWithinTenMinutesRaisesOneCampaignAlertCitingOneAlertPerHost() {
        Alert h1 = on("h1", RULE, T0);
        Alert h1Again = on("h1", RULE, T0.plusSeconds(60));
        Alert h2 = on("h2", RULE, T0.plusSeconds(120));
        Alert h3 = on("h3", RULE, T0.plusSeconds(540));

        harness.ruleAlerts(h1, h1Again, h2, h3);

        assertThat(harness.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getRule().getId()).isEqualTo("PAL-CORR-004");
            assertThat(alert.getRule().getSeverity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.getEvidenceEventIds()).containsExactly(h1Again.getId(), h2.getId(), h3.getId());
            assertThat(alert.getHost()).isNull();
            assertThat(alert.getContainer()).isNull();
            assertThat(alert.getCount()).isEqualTo(3);
            assertThat(alert.getMessage()).contains(RULE, "3 hosts");
        });
    }

    @Test
    void aFourthHostInTheSameWindowRaisesNothingMore() {
        harness.ruleAlerts(on("h1", RULE, T0), on("h2", RULE, T0.plusSeconds(1)), on("h3", RULE, T0.plusSeconds(2)),
                on("h4", RULE, T0.plusSeconds(3)));

        assertThat(harness.alerts()).hasSize(1);
    }

    @Test
    void twoHostsAreNotACampaign() {
        harness.ruleAlerts(on("h1", RULE, T0), on("h2", RULE, T0.plusSeconds(1)), on("h2", RULE, T0.plusSeconds(2)),
                on("h1", RULE, T0.plusSeconds(3)));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void threeHostsOverMoreThanTenMinutesAreNotACampaign() {
        harness.ruleAlerts(on("h1", RULE, T0), on("h2", RULE, T0.plusSeconds(300)), on("h3", RULE, T0.plusSeconds(601)));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void differentRulesOnThreeHostsAreNotACampaign() {
        harness.ruleAlerts(on("h1", RULE, T0), on("h2", "PAL-CNT-002", T0.plusSeconds(1)),
                on("h3", "PAL-CNT-003", T0.plusSeconds(2)));

        assertThat(harness.alerts()).isEmpty();
    }
}
