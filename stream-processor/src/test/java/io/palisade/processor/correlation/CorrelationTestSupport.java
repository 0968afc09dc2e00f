package io.palisade.processor.correlation;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link CorrelationHarness} with the default settings, on its own state directory, for each test. */
abstract class CorrelationTestSupport {

    @TempDir
    Path stateDir;

    CorrelationHarness harness;

    @BeforeEach
    void startHarness() {
        harness = new CorrelationHarness(stateDir, CorrelationSettings.defaults());
    }

    @AfterEach
    void stopHarness() {
        harness.close();
    }
}
