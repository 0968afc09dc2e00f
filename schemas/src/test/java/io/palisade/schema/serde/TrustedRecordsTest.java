package io.palisade.schema.serde;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.schema.ContainerEvent;
import io.palisade.schema.ContainerPosture;
import io.palisade.schema.Samples;
import io.palisade.schema.Severity;
import org.apache.avro.util.ClassSecurityValidator;
import org.junit.jupiter.api.Test;

class TrustedRecordsTest {

    @Test
    void trustsPalisadesGeneratedClassesSoBuildersCanDeepCopyNestedRecords() {
        TrustedRecords.install();
        ContainerEvent original = Samples.containerEvent();

        assertThat(ContainerEvent.newBuilder(original).build()).isEqualTo(original);
        assertThat(ClassSecurityValidator.getGlobal().isTrusted(ContainerPosture.class)).isTrue();
        assertThat(ClassSecurityValidator.getGlobal().isTrusted(Severity.class)).isTrue();
    }

    @Test
    void trustsNothingElse() {
        TrustedRecords.install();

        assertThat(ClassSecurityValidator.getGlobal().isTrusted(AvroSerdes.class)).isFalse();
        assertThat(ClassSecurityValidator.getGlobal().isTrusted(java.io.File.class)).isFalse();
    }
}
