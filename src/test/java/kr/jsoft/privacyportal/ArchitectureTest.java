package kr.jsoft.privacyportal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.http.HttpServlet;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The shape ARCHITECTURE.md promises, checked on every build. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kr.jsoft.privacyportal");

    @Test
    void servletsNeverHoldADatabaseSession() {
        noClasses().that().areAssignableTo(HttpServlet.class)
                .should().dependOnClassesThat().haveFullyQualifiedName("org.hibernate.Session")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.hibernate.SessionFactory")
                .check(MAIN);
    }

    @Test
    void thereIsNoStaticMutableState() {
        fields().that().areStatic().should().beFinal()
                .because("services are wired through constructors, never through static state")
                .check(MAIN);
    }

    @Test
    void onlyThePersistencePackageOpensConnectionPools() {
        noClasses().that().resideOutsideOfPackage("..persistence..")
                .should().dependOnClassesThat().resideInAPackage("com.zaxxer.hikari..")
                .check(MAIN);
    }

    @Test
    void webCoreDoesNotDependOnFeatures() {
        classes().that().resideInAPackage("kr.jsoft.privacyportal.web")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages(
                        "kr.jsoft.privacyportal.policy..", "kr.jsoft.privacyportal.notice..",
                        "kr.jsoft.privacyportal.complaint..", "kr.jsoft.privacyportal.device..",
                        "kr.jsoft.privacyportal.push..", "kr.jsoft.privacyportal.destruction..",
                        "kr.jsoft.privacyportal.command..", "kr.jsoft.privacyportal.simulator..",
                        "kr.jsoft.privacyportal.mail..")
                .check(MAIN);
    }

    @Test
    void theCommandChannelBuildsOnDevicesAndPushNeverTheOtherWayRound() {
        noClasses().that().resideInAnyPackage("kr.jsoft.privacyportal.device..", "kr.jsoft.privacyportal.push..")
                .should().dependOnClassesThat().resideInAnyPackage("kr.jsoft.privacyportal.command..",
                        "kr.jsoft.privacyportal.simulator..")
                .because("the device API reaches commands only through DeviceCommandChannel and DeviceEvents")
                .check(MAIN);
    }

    @Test
    void theReferenceDeviceUsesOnlyWhatAnAppHas() {
        noClasses().that().resideInAPackage("kr.jsoft.privacyportal.simulator..")
                .should().dependOnClassesThat().resideInAnyPackage("kr.jsoft.privacyportal.command..",
                        "kr.jsoft.privacyportal.persistence..", "kr.jsoft.privacyportal.audit..", "org.hibernate..")
                .because("it speaks to the portal over HTTP only, like the app")
                .check(MAIN);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("kr.jsoft.privacyportal.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** The cores every feature may use; none of them may use a feature (arrows point down). */
    private static final String[] CORES = {"config", "persistence", "web", "crypto", "audit", "jobs", "erasure",
            "ratelimit", "metrics", "staff", "mail", "platform"};

    @Test
    void coresImportNoFeature() {
        String[] cores = Arrays.stream(CORES).map(c -> "kr.jsoft.privacyportal." + c + "..").toArray(String[]::new);
        noClasses().that().resideInAnyPackage(cores)
                .should().dependOnClassesThat(resideInAPackage("kr.jsoft.privacyportal..")
                        .and(not(resideInAnyPackage(cores))))
                .because("features build on the cores, never the other way round")
                .check(MAIN);
    }

    @Test
    void onlyTheRootImportsTheRoot() {
        noClasses().that().resideOutsideOfPackage("kr.jsoft.privacyportal")
                .should().dependOnClassesThat().resideInAPackage("kr.jsoft.privacyportal")
                .because("the root is the composition root: it imports the features, not the other way round")
                .check(MAIN);
    }
}
