package io.huracan.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.huracan.adapter.alpha.AlphaGateway;
import io.huracan.adapter.alpha.AlphaMetrics;
import io.huracan.adapter.alpha.AlphaReachingIntoDomain;
import io.huracan.adapter.alpha.AlphaUsingBeta;
import io.huracan.adapter.alpha.FieldInjected;
import io.huracan.adapter.beta.BetaThing;
import io.huracan.domain.planted.ClockReader;
import io.huracan.domain.planted.DomainUsingBootstrap;
import io.huracan.domain.planted.cyclea.CycleA;
import io.huracan.domain.planted.cycleb.CycleB;
import io.huracan.domain.util.StringUtil;
import io.huracan.ports.planted.PortReachingIntoDomain;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proves each rule bites: handed a small violating class from the test sources, it reports the violation. */
class PlantedViolationsTest {

    @Test
    void portsDependingOnDomainIsCaught() {
        assertViolates(HuracanRules.PORTS_DEPEND_ON_NOTHING, "PortReachingIntoDomain", PortReachingIntoDomain.class);
    }

    @Test
    void domainDependingOnBootstrapIsCaught() {
        assertViolates(HuracanRules.DOMAIN_DEPENDS_ON_PORTS_AND_JDK_ONLY, "DomainUsingBootstrap",
                DomainUsingBootstrap.class);
    }

    @Test
    void adapterDependingOnDomainIsCaught() {
        assertViolates(HuracanRules.ADAPTERS_NEVER_SEE_DOMAIN_OR_BOOTSTRAP, "AlphaReachingIntoDomain",
                AlphaReachingIntoDomain.class);
    }

    @Test
    void adapterDependingOnAnotherAdapterIsCaught() {
        assertViolates(HuracanRules.ADAPTERS_INDEPENDENT_OF_EACH_OTHER, "AlphaUsingBeta",
                AlphaUsingBeta.class, BetaThing.class);
    }

    @Test
    void vendorOutsideItsAdapterIsCaught() {
        ArchRule micrometer = HuracanRules.vendorConfinement().stream()
                .filter(rule -> rule.getDescription().startsWith("io.micrometer")).findFirst().orElseThrow();
        assertViolates(micrometer, "AlphaMetrics", AlphaMetrics.class);
    }

    @Test
    void guiceOutsideModulesIsCaught() {
        assertViolates(HuracanRules.GUICE_ONLY_IN_MODULES_AND_BOOTSTRAP, "AlphaGateway", AlphaGateway.class);
    }

    @Test
    void fieldInjectionIsCaughtForJakartaAndGuiceAnnotations() {
        assertViolates(HuracanRules.NO_FIELD_INJECTION, "FieldInjected.dependency", FieldInjected.class);
        assertViolates(HuracanRules.NO_FIELD_INJECTION, "FieldInjected.another", FieldInjected.class);
    }

    @Test
    void domainReadingTheClockOrMakingRandomnessIsCaught() {
        assertViolates(HuracanRules.DOMAIN_NEVER_READS_TIME_OR_MAKES_RANDOMNESS, "System.nanoTime()", ClockReader.class);
        assertViolates(HuracanRules.DOMAIN_NEVER_READS_TIME_OR_MAKES_RANDOMNESS, "Instant.now()", ClockReader.class);
        assertViolates(HuracanRules.DOMAIN_NEVER_READS_TIME_OR_MAKES_RANDOMNESS, "Random.<init>()", ClockReader.class);
    }

    @Test
    void packageCyclesAreCaught() {
        assertViolates(HuracanRules.NO_CYCLES_BETWEEN_PACKAGES, "Cycle detected", CycleA.class, CycleB.class);
    }

    @Test
    void dumpingGroundPackagesAreCaught() {
        assertViolates(HuracanRules.NO_DUMPING_GROUND_PACKAGES, "StringUtil", StringUtil.class);
    }

    private static void assertViolates(ArchRule rule, String expectedInReport, Class<?>... planted) {
        var classes = new ClassFileImporter().importClasses(planted);
        assertThatThrownBy(() -> rule.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(expectedInReport);
    }
}
