package io.huracan.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** DESIGN.md sections 1 and 2 as ArchUnit rules, applied to main classes and to planted violations. */
final class HuracanRules {
    private HuracanRules() {
    }

    static final ArchRule PORTS_DEPEND_ON_NOTHING = classes()
            .that().resideInAPackage("io.huracan.ports..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.huracan.ports..", "java..")
            .as("ports depend on nothing but the JDK");

    static final ArchRule DOMAIN_DEPENDS_ON_PORTS_AND_JDK_ONLY = classes()
            .that().resideInAPackage("io.huracan.domain..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("io.huracan.domain..", "io.huracan.ports..", "java..")
            .as("domain depends on ports and the JDK only");

    static final ArchRule ADAPTERS_NEVER_SEE_DOMAIN_OR_BOOTSTRAP = noClasses()
            .that().resideInAPackage("io.huracan.adapter..")
            .should().dependOnClassesThat().resideInAnyPackage("io.huracan.domain..", "io.huracan.bootstrap..")
            .as("adapters depend on ports, never on domain or bootstrap");

    static final ArchRule ADAPTERS_INDEPENDENT_OF_EACH_OTHER = slices()
            .matching("io.huracan.adapter.(*)..")
            .should().notDependOnEachOther()
            .as("adapters never depend on each other");

    /** Each vendor's packages, and the only adapter packages allowed to use them. */
    static final Map<String, List<String>> VENDOR_HOMES = Map.ofEntries(
            Map.entry("org.knowm.xchange..", List.of("io.huracan.adapter.xchange..")),
            Map.entry("info.bitrich.xchangestream..", List.of("io.huracan.adapter.xchange..")),
            Map.entry("org.redisson..", List.of("io.huracan.adapter.redis..", "io.huracan.adapter.redisson..")),
            Map.entry("org.jdbi..", List.of("io.huracan.adapter.postgres..")),
            Map.entry("org.flywaydb..", List.of("io.huracan.adapter.postgres..")),
            Map.entry("org.apache.parquet..", List.of("io.huracan.adapter.parquet..")),
            Map.entry("org.apache.hadoop..", List.of("io.huracan.adapter.parquet..")),
            Map.entry("io.micrometer..", List.of("io.huracan.adapter.micrometer..")),
            Map.entry("dev.failsafe..", List.of("io.huracan.adapter..")),
            Map.entry("com.github.luben..", List.of("io.huracan.adapter.parquet..")),
            Map.entry("org.xerial.snappy..", List.of("io.huracan.adapter.parquet..")));

    static List<ArchRule> vendorConfinement() {
        return VENDOR_HOMES.entrySet().stream()
                .map(entry -> (ArchRule) noClasses()
                        .that().resideOutsideOfPackages(entry.getValue().toArray(String[]::new))
                        .should().dependOnClassesThat().resideInAPackage(entry.getKey())
                        .as(entry.getKey() + " is used only in " + entry.getValue()))
                .toList();
    }

    static final ArchRule GUICE_ONLY_IN_MODULES_AND_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage("io.huracan.bootstrap..")
            .and(DescribedPredicate.not(adapterModule()))
            .should().dependOnClassesThat().resideInAPackage("com.google.inject..")
            .as("com.google.inject is used only by adapters' *Module classes and bootstrap");

    static final ArchRule NO_FIELD_INJECTION = noFields()
            .should().beAnnotatedWith("com.google.inject.Inject")
            .orShould().beAnnotatedWith("javax.inject.Inject")
            .orShould().beAnnotatedWith("jakarta.inject.Inject")
            .as("no field injection: constructor injection only");

    static final ArchRule DOMAIN_NEVER_READS_TIME_OR_MAKES_RANDOMNESS = classes()
            .that().resideInAPackage("io.huracan.domain..")
            .should(neverReadTheSystemClockNorMakeRandomness())
            .as("domain takes time from EngineClock and randomness from a seed, never from the system");

    static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices()
            .matching("io.huracan.(**)")
            .should().beFreeOfCycles()
            .as("no cycles between packages");

    static final ArchRule NO_DUMPING_GROUND_PACKAGES = noClasses()
            .should().resideInAnyPackage("..util..", "..utils..", "..helper..", "..helpers..", "..common..",
                    "..manager..", "..misc..")
            .as("no util, helper, common or manager packages: package by concept");

    static List<ArchRule> all() {
        var rules = new java.util.ArrayList<>(List.of(PORTS_DEPEND_ON_NOTHING, DOMAIN_DEPENDS_ON_PORTS_AND_JDK_ONLY,
                ADAPTERS_NEVER_SEE_DOMAIN_OR_BOOTSTRAP, ADAPTERS_INDEPENDENT_OF_EACH_OTHER,
                GUICE_ONLY_IN_MODULES_AND_BOOTSTRAP, NO_FIELD_INJECTION, DOMAIN_NEVER_READS_TIME_OR_MAKES_RANDOMNESS,
                NO_CYCLES_BETWEEN_PACKAGES, NO_DUMPING_GROUND_PACKAGES));
        rules.addAll(vendorConfinement());
        return rules;
    }

    private static DescribedPredicate<JavaClass> adapterModule() {
        return DescribedPredicate.describe("an adapter's Guice module",
                javaClass -> javaClass.getPackageName().startsWith("io.huracan.adapter.")
                        && topLevel(javaClass).getSimpleName().endsWith("Module"));
    }

    private static JavaClass topLevel(JavaClass javaClass) {
        JavaClass current = javaClass;
        while (current.getEnclosingClass().isPresent()) {
            current = current.getEnclosingClass().get();
        }
        return current;
    }

    /** Calls that read the system clock, and constructions of unseeded randomness. */
    private static final Set<String> CLOCK_METHODS = Set.of(
            "java.lang.System.currentTimeMillis", "java.lang.System.nanoTime", "java.lang.Math.random",
            "java.util.concurrent.ThreadLocalRandom.current", "java.time.Clock.systemUTC",
            "java.time.Clock.systemDefaultZone");
    private static final Set<String> NOW_OWNERS = Set.of("java.time.Instant", "java.time.LocalDateTime",
            "java.time.LocalDate", "java.time.LocalTime", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
            "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");
    private static final Set<String> RANDOM_TYPES = Set.of("java.util.Random", "java.security.SecureRandom",
            "java.util.SplittableRandom");

    private static ArchCondition<JavaClass> neverReadTheSystemClockNorMakeRandomness() {
        return new ArchCondition<>("never read the system clock nor make unseeded randomness") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaMethodCall call : javaClass.getMethodCallsFromSelf()) {
                    String owner = call.getTargetOwner().getFullName();
                    String name = call.getName();
                    if (CLOCK_METHODS.contains(owner + "." + name) || (name.equals("now") && NOW_OWNERS.contains(owner))) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
                for (JavaConstructorCall call : javaClass.getConstructorCallsFromSelf()) {
                    if (RANDOM_TYPES.contains(call.getTargetOwner().getFullName())
                            && call.getTarget().getRawParameterTypes().isEmpty()) {
                        events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                    }
                }
            }
        };
    }
}
