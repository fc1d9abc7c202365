package dev.stageport.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged server's bean definitions are decided at build time, so a condition of ours that adds
 * or leaves out beans at run time must be a setting {@link AheadOfTimeChoices} checks at start;
 * otherwise a start with it set would silently lack the beans (or keep ones it should not have).
 */
class ConditionalBeansTest {

    private static final String CONDITIONS = "org.springframework.boot.autoconfigure.condition";
    /** The settings of ours AheadOfTimeChoices checks (virtual threads and single sign-on are Spring Boot's). */
    private static final Set<String> CHECKED_AT_START = Set.of(AheadOfTimeChoices.EMULATOR);

    @Test
    void everyConditionOfOursIsASettingTheStartChecksBeforeUsingTheBuildsDefinitions() {
        JavaClasses server = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
                .importPackages("dev.stageport");
        List<String> checked = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        for (JavaClass type : server) {
            Stream.concat(type.getAnnotations().stream().map(a -> new Found(type.getName(), a)),
                    type.getMethods().stream().flatMap(m -> m.getAnnotations().stream()
                            .map(a -> new Found(m.getFullName(), a))))
                    .filter(found -> found.annotation().getRawType().getPackageName().equals(CONDITIONS))
                    .forEach(found -> (CHECKED_AT_START.containsAll(found.properties()) && !found.properties().isEmpty()
                            ? checked : unchecked).add(found.describe()));
        }
        assertThat(checked).as("the emulator's conditional beans are found").isNotEmpty();
        assertThat(unchecked).as("conditions AheadOfTimeChoices does not check: add their setting there").isEmpty();
    }

    private record Found(String where, JavaAnnotation<?> annotation) {

        /** The properties a @ConditionalOnProperty names (empty for any other condition). */
        List<String> properties() {
            if (!annotation.getRawType().getSimpleName().equals("ConditionalOnProperty")) {
                return List.of();
            }
            String prefix = annotation.get("prefix").map(String.class::cast).filter(p -> !p.isEmpty())
                    .map(p -> p + ".").orElse("");
            return Stream.of("name", "value").flatMap(attribute -> annotation.get(attribute).stream())
                    .flatMap(names -> Arrays.stream((String[]) names)).map(name -> prefix + name).toList();
        }

        String describe() {
            return where + ": @" + annotation.getRawType().getSimpleName() + properties();
        }
    }
}
