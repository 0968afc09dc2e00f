package io.palisade.processor.correlation;

import static io.palisade.processor.correlation.Records.T0;
import static io.palisade.processor.correlation.Records.exec;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.palisade.schema.Severity;
import org.junit.jupiter.api.Test;

class FirstSeenCorrelationTest extends CorrelationTestSupport {

    private static final String NGINX = "nginx:1.27";
    private static final Instant AFTER_LEARNING = T0.plus(Duration.ofHours(1)).plusSeconds(1);

    @Test
    void anExecutableNeverSeenForTheImageAfterLearningRaisesOneAlert() {
        harness.processes(List.of(exec(NGINX, "/usr/sbin/nginx", "e-1", T0),
                exec(NGINX, "/bin/sh", "e-2", T0.plus(Duration.ofMinutes(30))),
                exec(NGINX, "/tmp/xmrig", "e-3", AFTER_LEARNING),
                exec(NGINX, "/tmp/xmrig", "e-4", AFTER_LEARNING.plusSeconds(5))));

        assertThat(harness.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.getRule().getId()).isEqualTo("PAL-CORR-003");
            assertThat(alert.getRule().getSeverity()).isEqualTo(Severity.WARNING);
            assertThat(alert.getProcess().getExecutable()).isEqualTo("/tmp/xmrig");
            assertThat(alert.getContainer().getImage().getName()).isEqualTo(NGINX);
            assertThat(alert.getEvidenceEventIds()).containsExactly("e-3");
            assertThat(alert.getFirstSeen()).isEqualTo(AFTER_LEARNING);
            assertThat(alert.getMessage()).contains("/tmp/xmrig", NGINX);
        });
    }

    @Test
    void executablesSeenDuringLearningAreNotAlertedLater() {
        harness.processes(List.of(exec(NGINX, "/usr/sbin/nginx", "e-1", T0),
                exec(NGINX, "/bin/sh", "e-2", T0.plus(Duration.ofMinutes(59))),
                exec(NGINX, "/bin/sh", "e-3", AFTER_LEARNING),
                exec(NGINX, "/usr/sbin/nginx", "e-4", AFTER_LEARNING)));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void eachImageLearnsFromItsOwnFirstProcess() {
        harness.processes(List.of(exec(NGINX, "/usr/sbin/nginx", "e-1", T0),
                exec("redis:7", "/usr/local/bin/redis-server", "e-2", AFTER_LEARNING),
                exec("redis:7", "/bin/sh", "e-3", AFTER_LEARNING.plusSeconds(60))));

        assertThat(harness.alerts()).isEmpty();
    }

    @Test
    void processesWithoutAnImageAreNotJudged() {
        harness.processes(List.of(exec(NGINX, "/usr/sbin/nginx", "e-1", T0),
                io.palisade.schema.ProcessEvent.newBuilder(exec(NGINX, "/tmp/x", "e-2", AFTER_LEARNING))
                        .setContainer(null).build()));

        assertThat(harness.alerts()).isEmpty();
    }
}
