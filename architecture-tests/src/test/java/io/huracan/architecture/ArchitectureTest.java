package io.huracan.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of {@link HuracanRules} over the main classes of every module. */
class ArchitectureTest {
    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.huracan");
    }

    @Test
    void importsTheMainClassesOfEveryModule() {
        assertThat(mainClasses.containPackage("io.huracan.ports.market")).isTrue();
        assertThat(mainClasses.containPackage("io.huracan.domain.risk")).isTrue();
        assertThat(mainClasses.containPackage("io.huracan.bootstrap.config")).isTrue();
        assertThat(mainClasses.containPackage("io.huracan.testkit.registry")).isTrue();
        assertThat(mainClasses.containPackage("io.huracan.adapter.file")).isTrue();
        assertThat(mainClasses.containPackage("io.huracan.adapter.postgres")).isTrue();
        assertThat(mainClasses.containPackage("io.huracan.adapter.paper")).isTrue();
        assertThat(mainClasses.containPackage("io.huracan.adapter.xchange")).isTrue();
        assertThat(mainClasses.containPackage("io.huracan.adapter.memory")).isTrue();
        assertThat(mainClasses.containPackage("io.huracan.adapter.redis")).isTrue();
        assertThat(mainClasses.containPackage("io.huracan.adapter.parquet")).isTrue();
        assertThat(mainClasses.containPackage("io.huracan.adapter.micrometer")).isTrue();
        assertThat(mainClasses.containPackage("io.huracan.domain.planted"))
                .as("planted violations are test classes and must not be imported here").isFalse();
    }

    @TestFactory
    Stream<DynamicTest> everyRuleHoldsOnMainClasses() {
        return HuracanRules.all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(mainClasses)));
    }
}
