package dev.triage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point inward: the wire format knows nothing of ours, decisions know no HTTP and no database, only
 * dispatch sees routing, providers and the ledger together, and the router's tooling stands beside the server.
 */
@AnalyzeClasses(packages = "dev.triage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String OPENAI = "dev.triage.openai..";
    private static final String API = "dev.triage.api..";
    private static final String DISPATCH = "dev.triage.dispatch..";
    private static final String ROUTING = "dev.triage.routing..";
    private static final String PROVIDERS = "dev.triage.providers..";
    private static final String LEDGER = "dev.triage.ledger..";
    private static final String ACCESS = "dev.triage.access..";
    private static final String DATABASE = "dev.triage.database..";
    private static final String TELEMETRY = "dev.triage.telemetry..";
    private static final String ADMIN = "dev.triage.admin..";
    private static final String SIMULATOR = "dev.triage.simulator..";
    private static final String TOOLS = "dev.triage.tools..";
    private static final String ANTHROPIC = "dev.triage.anthropic..";
    private static final String RESPONSES = "dev.triage.responses..";
    private static final String GEMINI = "dev.triage.gemini..";

    @ArchTest
    static final ArchRule packagesHaveNoCycles =
            slices().matching("dev.triage.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule openaiDependsOnNothingOfOurs = noClasses()
            .that()
            .resideInAPackage(OPENAI)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    API, DISPATCH, ROUTING, PROVIDERS, LEDGER, ACCESS, DATABASE, TELEMETRY, ADMIN, SIMULATOR, TOOLS);

    @ArchTest
    static final ArchRule translationsKnowOnlyTheOpenAiWire = noClasses()
            .that()
            .resideInAnyPackage(ANTHROPIC, RESPONSES, GEMINI)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    API, DISPATCH, ROUTING, PROVIDERS, LEDGER, ACCESS, DATABASE, TELEMETRY, ADMIN, SIMULATOR, TOOLS);

    @ArchTest
    static final ArchRule routingHasNoHttpNoDatabaseAndNoProviders = noClasses()
            .that()
            .resideInAPackage(ROUTING)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    API,
                    DISPATCH,
                    PROVIDERS,
                    LEDGER,
                    ACCESS,
                    DATABASE,
                    ADMIN,
                    TOOLS,
                    "jakarta.ws.rs..",
                    "io.vertx..",
                    "org.jboss.resteasy..");

    @ArchTest
    static final ArchRule djlStaysInTheEncoder = noClasses()
            .that()
            .resideOutsideOfPackage("dev.triage.routing.encoder..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("ai.djl..");

    @ArchTest
    static final ArchRule providersKnowNothingOfRoutingAccessOrLedger = noClasses()
            .that()
            .resideInAPackage(PROVIDERS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(API, DISPATCH, ROUTING, LEDGER, ACCESS, DATABASE, ADMIN, TOOLS);

    @ArchTest
    static final ArchRule apiGoesThroughDispatch = noClasses()
            .that()
            .resideInAPackage(API)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(PROVIDERS, LEDGER, DATABASE);

    @ArchTest
    static final ArchRule nothingDependsOnTheApi = noClasses()
            .that()
            .resideOutsideOfPackage(API)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(API);

    @ArchTest
    static final ArchRule onlyTheApiCallsDispatch = noClasses()
            .that()
            .resideOutsideOfPackages(API, DISPATCH)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(DISPATCH);

    @ArchTest
    static final ArchRule nothingDependsOnAdmin = noClasses()
            .that()
            .resideOutsideOfPackage(ADMIN)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(ADMIN);

    @ArchTest
    static final ArchRule ledgerKnowsNoRoutingProvidersKeysOrHttp = noClasses()
            .that()
            .resideInAPackage(LEDGER)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(API, DISPATCH, ROUTING, PROVIDERS, ACCESS, ADMIN, TOOLS, "jakarta.ws.rs..");

    @ArchTest
    static final ArchRule accessKnowsNoRoutingProvidersOrHttp = noClasses()
            .that()
            .resideInAPackage(ACCESS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(API, DISPATCH, ROUTING, PROVIDERS, ADMIN, TOOLS, "jakarta.ws.rs..");

    @ArchTest
    static final ArchRule theDatabaseKnowsNoneOfItsUsers = noClasses()
            .that()
            .resideInAPackage(DATABASE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(API, DISPATCH, ROUTING, PROVIDERS, LEDGER, ACCESS, ADMIN, TOOLS, "jakarta.ws.rs..");

    @ArchTest
    static final ArchRule theSimulatorStandsAlone = noClasses()
            .that()
            .resideInAPackage(SIMULATOR)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(API, DISPATCH, ROUTING, PROVIDERS, LEDGER, ACCESS, DATABASE, ADMIN, TOOLS);

    @ArchTest
    static final ArchRule theServerNeverReachesTheTooling = noClasses()
            .that()
            .resideOutsideOfPackage(TOOLS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(TOOLS);

    @ArchTest
    static final ArchRule theToolingUsesOnlyTheRouter = noClasses()
            .that()
            .resideInAPackage(TOOLS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    API,
                    DISPATCH,
                    PROVIDERS,
                    LEDGER,
                    ACCESS,
                    DATABASE,
                    ADMIN,
                    SIMULATOR,
                    "jakarta.ws.rs..",
                    "io.vertx..",
                    "jakarta.enterprise..");
}
