package dev.stageport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules (docs/architecture.md): the engine and the error types depend on no
 * feature, nothing depends on the demo, features meet through narrow ports, and no two
 * packages form a cycle.
 */
class PackageRulesTest {

    private static JavaClasses server;

    @BeforeAll
    static void importServer() {
        server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(PackageRulesTest::writtenByHand)
                .importPackages("dev.stageport");
    }

    /** Spring's ahead-of-time processing writes classes that register every bean (and proxies) beside ours. */
    private static boolean writtenByHand(Location location) {
        return !location.contains("__") && !location.contains("$$SpringCGLIB$$");
    }

    @Test
    void theEngineDependsOnNoFeature() {
        noClasses().that().resideInAPackage("dev.stageport.work..")
                .should().dependOnClassesThat().resideInAnyPackage(features())
                .check(server);
    }

    @Test
    void errorCodesAndTheirExceptionKnowNothingOfHttpOrOfFeatures() {
        noClasses().that().resideInAPackage("dev.stageport.errors..")
                .should().dependOnClassesThat().resideInAnyPackage(plus(features(), "org.springframework.http..",
                        "dev.stageport.web.."))
                .check(server);
    }

    @Test
    void noFeatureDependsOnTheDemo() {
        noClasses().that().resideOutsideOfPackages("dev.stageport.demo..")
                .should().dependOnClassesThat().resideInAPackage("dev.stageport.demo..")
                .allowEmptyShould(false)
                .check(server);
    }

    @Test
    void noFeatureDependsOnTheConsole() {
        noClasses().that().resideOutsideOfPackages("dev.stageport.console..")
                .should().dependOnClassesThat().resideInAPackage("dev.stageport.console..")
                .allowEmptyShould(false)
                .check(server);
    }

    @Test
    void startUpChecksUseNothingButTheSecretsFormat() {
        noClasses().that().resideInAPackage("dev.stageport.startup..")
                .should().dependOnClassesThat().resideInAnyPackage(minus(features(), "dev.stageport.secrets.."))
                .check(server);
    }

    @Test
    void theCleanPackagesFormNoCycle() {
        slices().matching("dev.stageport.(work|errors|secrets|artifacts|startup|home)..").should().beFreeOfCycles()
                .check(server);
    }

    @Test
    void noTwoPackagesFormACycle() {
        assertThat(PackageGraph.of(server).cycles())
                .as("cycles between packages: reach the other side through a port (docs/architecture.md)")
                .isEmpty();
    }

    @Test
    void theConfigurationSchemaDependsOnNoFeature() {
        noClasses().that().resideInAPackage("dev.stageport.configschema..")
                .should().dependOnClassesThat().resideInAnyPackage(minus(features(), "dev.stageport.configschema.."))
                .check(server);
    }

    @Test
    void publishUsesDeploymentsOnlyThroughItsPort() {
        noClasses().that().resideInAPackage("dev.stageport.publish..")
                .should().dependOnClassesThat().haveFullyQualifiedName("dev.stageport.deployments.DeploymentRepository")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.stageport.deployments.MessageRepository")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("dev.stageport.deployments.DeploymentService")
                .check(server);
    }

    @Test
    void theRuntimeDriversReadNoBuildsTheyGetWhatTheyNeedInTheirContext() {
        noClasses().that().resideInAPackage("dev.stageport.runtime..")
                .should().dependOnClassesThat().resideInAPackage("dev.stageport.builds..")
                .check(server);
    }

    private static String[] features() {
        return new String[] {"dev.stageport.assets..", "dev.stageport.audit..", "dev.stageport.builds..",
            "dev.stageport.bundles..", "dev.stageport.configschema..", "dev.stageport.configurations..",
            "dev.stageport.demo..", "dev.stageport.dependencies..", "dev.stageport.deployments..",
            "dev.stageport.identity..", "dev.stageport.policy..", "dev.stageport.portfolio..",
            "dev.stageport.publish..", "dev.stageport.runtime..", "dev.stageport.secrets..",
            "dev.stageport.artifacts.."};
    }

    private static String[] plus(String[] packages, String... more) {
        String[] all = java.util.Arrays.copyOf(packages, packages.length + more.length);
        System.arraycopy(more, 0, all, packages.length, more.length);
        return all;
    }

    private static String[] minus(String[] packages, String less) {
        return java.util.Arrays.stream(packages).filter(p -> !p.equals(less)).toArray(String[]::new);
    }
}
