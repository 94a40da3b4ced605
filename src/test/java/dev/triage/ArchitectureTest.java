package dev.triage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point inward: the wire format knows nothing of ours, decisions know no HTTP, only dispatch sees all. */
@AnalyzeClasses(packages = "dev.triage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule openaiDependsOnNothingOfOurs = noClasses().that().resideInAPackage("dev.triage.openai..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.triage.api..", "dev.triage.dispatch..",
                    "dev.triage.routing..", "dev.triage.providers..", "dev.triage.simulator..", "dev.triage.telemetry..");

    @ArchTest
    static final ArchRule routingHasNoHttpAndNoProviders = noClasses().that().resideInAPackage("dev.triage.routing..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.triage.api..", "dev.triage.dispatch..",
                    "dev.triage.providers..", "jakarta.ws.rs..", "io.vertx..", "org.jboss.resteasy..");

    @ArchTest
    static final ArchRule djlStaysInTheEncoder = noClasses().that().resideOutsideOfPackage("dev.triage.routing.encoder..")
            .should().dependOnClassesThat().resideInAPackage("ai.djl..");

    @ArchTest
    static final ArchRule providersKnowNothingOfRoutingOrApi = noClasses().that().resideInAPackage("dev.triage.providers..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.triage.api..", "dev.triage.dispatch..",
                    "dev.triage.routing..");

    @ArchTest
    static final ArchRule apiGoesThroughDispatch = noClasses().that().resideInAPackage("dev.triage.api..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.triage.providers..");

    @ArchTest
    static final ArchRule nothingDependsOnTheApi = noClasses().that().resideOutsideOfPackage("dev.triage.api..")
            .should().dependOnClassesThat().resideInAPackage("dev.triage.api..");

    @ArchTest
    static final ArchRule ledgerKnowsNoRoutingProvidersOrHttp = noClasses().that().resideInAPackage("dev.triage.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.triage.api..", "dev.triage.dispatch..",
                    "dev.triage.routing..", "dev.triage.providers..", "jakarta.ws.rs..");

    @ArchTest
    static final ArchRule theSimulatorStandsAlone = noClasses().that().resideInAPackage("dev.triage.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.triage.api..", "dev.triage.dispatch..",
                    "dev.triage.routing..", "dev.triage.providers..");
}
