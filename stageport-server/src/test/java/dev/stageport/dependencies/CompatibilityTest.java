package dev.stageport.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.bundles.PublicElement;
import dev.stageport.bundles.PublicElement.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compatibility rules and the digests that summarise them. */
class CompatibilityTest {

    private static ElementSnapshot action(String name, List<Parameter> inputs, List<Parameter> outputs) {
        return element(PublicElement.SERVICE_ACTION, name, new PublicElement.Signature(inputs, outputs, null, null));
    }

    private static ElementSnapshot element(String type, String name, PublicElement.Signature signature) {
        return ElementSnapshot.of(new PublicElement("K", name, type, null, false, signature));
    }

    private static Parameter p(String name, String type, boolean mandatory) {
        return new Parameter(name, type, mandatory);
    }

    private static List<String> types(ElementSnapshot used, ElementSnapshot offered) {
        return Compatibility.compare(used, offered).stream().map(f -> f.incompatibilityType() + ":" + f.severity())
                .toList();
    }

    @Test
    void anAddedOptionalInputIsCompatibleAndKeepsTheCompatibilityDigest() {
        ElementSnapshot before = action("Get", List.of(p("Id", "Integer", true)), List.of(p("Out", "Text", false)));
        ElementSnapshot after = action("Get", List.of(p("Id", "Integer", true), p("Verbose", "Boolean", false)),
                List.of(p("Out", "Text", false)));
        assertThat(Compatibility.compare(before, after)).isEmpty();
        assertThat(after.compatibilityDigest()).isEqualTo(before.compatibilityDigest());
        assertThat(after.signatureDigest()).isNotEqualTo(before.signatureDigest());
    }

    @Test
    void inputAndOutputChangesAreReportedWithTheirIncompatibilityType() {
        ElementSnapshot before = action("Get", List.of(p("Id", "Integer", true), p("Opt", "Text", false)),
                List.of(p("Out", "Text", false), p("Count", "Integer", false)));
        ElementSnapshot after = action("Fetch", List.of(p("Id", "Text", true), p("New", "Text", true)),
                List.of(p("Count", "LongInteger", false)));
        assertThat(types(before, after)).containsExactlyInAnyOrder("ServiceActionNameMismatch:Warning",
                "InputParameterTypeMismatch:Error", "InputParameterMismatch:Warning",
                "MissingMandatoryInputParameter:Error", "OutputParameterMismatch:Error",
                "OutputParameterTypeMismatch:Error");
        assertThat(after.compatibilityDigest()).isNotEqualTo(before.compatibilityDigest());
    }

    @Test
    void attributeAndRecordChangesBreakEntitiesStructuresAndStaticEntities() {
        PublicElement.Signature was = new PublicElement.Signature(null, null,
                List.of(p("Id", "Identifier", true), p("Email", "Email", false)), List.of("Active", "Blocked"));
        PublicElement.Signature now = new PublicElement.Signature(null, null,
                List.of(p("Id", "Integer", true), p("Phone", "PhoneNumber", true)), List.of("Active"));
        assertThat(types(element("StaticEntity", "S", was), element("StaticEntity", "S", now)))
                .containsExactlyInAnyOrder("EntityAttributeTypeMismatch:Error", "EntityAttributeMismatch:Error",
                        "MissingMandatoryEntityAttribute:Error", "MissingRecord:Error");
        assertThat(types(element("Structure", "S", was), element("Structure", "S", now)))
                .contains("StructureAttributeMismatch:Error", "MissingMandatoryStructureAttribute:Error");
        assertThat(element("Entity", "S", now).compatibilityDigest())
                .isNotEqualTo(element("Entity", "S", was).compatibilityDigest());
    }

    @Test
    void anElementThatChangedTypeIsMissing() {
        ElementSnapshot entity = element("Entity", "Thing", new PublicElement.Signature(null, null, null, null));
        ElementSnapshot structure = element("Structure", "Thing", new PublicElement.Signature(null, null, null, null));
        assertThat(types(entity, structure)).containsExactly("MissingServerEntity:Error");
    }
}
