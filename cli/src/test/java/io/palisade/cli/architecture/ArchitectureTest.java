package io.palisade.cli.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module boundaries: every pipeline stage builds on the schemas and the runtime only, never on another stage, so
 * a collector ships without the processor and a sink can be replaced without touching either. Checked here because
 * the command-line module is the one that sees every other.
 */
@AnalyzeClasses(packages = "io.palisade", importOptions = ArchitectureTest.ProductionCode.class)
class ArchitectureTest {

    /** The modules' own classes: neither test classes nor the test jars some modules share with others. */
    static final class ProductionCode implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return new DoNotIncludeTests().includes(location) && !location.contains("-tests.jar");
        }
    }

    private static final String SCHEMAS = "io.palisade.schema..";
    private static final String RUNTIME = "io.palisade.runtime..";
    private static final String COLLECTOR = "io.palisade.collector..";
    private static final String RULES = "io.palisade.rules..";
    private static final String PROCESSOR = "io.palisade.processor..";
    private static final String SINKS = "io.palisade.sinks..";
    private static final String DEVSTACK = "io.palisade.devstack..";
    private static final String CLI = "io.palisade.cli..";

    @ArchTest
    static final ArchRule theCollectorBuildsOnSchemasAndRuntimeOnly = noClasses().that().resideInAPackage(COLLECTOR)
            .should().dependOnClassesThat().resideInAnyPackage(RULES, PROCESSOR, SINKS, DEVSTACK, CLI);

    @ArchTest
    static final ArchRule theSinksBuildOnSchemasAndRuntimeOnly = noClasses().that().resideInAPackage(SINKS)
            .should().dependOnClassesThat().resideInAnyPackage(COLLECTOR, RULES, PROCESSOR, DEVSTACK, CLI);

    @ArchTest
    static final ArchRule theProcessorBuildsOnSchemasRuntimeAndRulesOnly = noClasses().that()
            .resideInAPackage(PROCESSOR)
            .should().dependOnClassesThat().resideInAnyPackage(COLLECTOR, SINKS, DEVSTACK, CLI);

    @ArchTest
    static final ArchRule rulesKnowNoKafkaAndNoOtherStage = noClasses().that().resideInAPackage(RULES)
            .should().dependOnClassesThat().resideInAnyPackage(COLLECTOR, PROCESSOR, SINKS, DEVSTACK, CLI,
                    "org.apache.kafka..");

    @ArchTest
    static final ArchRule schemasAndRuntimeSitBelowEverything = noClasses().that()
            .resideInAnyPackage(SCHEMAS, RUNTIME)
            .should().dependOnClassesThat().resideInAnyPackage(COLLECTOR, RULES, PROCESSOR, SINKS, DEVSTACK, CLI);

    /** What rule conditions call is plain code over events: it never reaches into the engine that runs the rules. */
    @ArchTest
    static final ArchRule ruleFunctionsStayApartFromTheEngine = classes().that()
            .resideInAPackage("io.palisade.rules.functions..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.palisade.rules.functions..", SCHEMAS,
                    "java..");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.palisade.(**)").should().beFreeOfCycles();
}
