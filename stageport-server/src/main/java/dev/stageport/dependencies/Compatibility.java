package dev.stageport.dependencies;

import dev.stageport.bundles.PublicElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules that decide whether a consumer built against one signature of an element
 * still works with another: every difference becomes a finding with ODC's
 * incompatibility type. Removed or retyped parts and new mandatory parts are Errors;
 * a removed optional input and a renamed element are Warnings (the consumer may not
 * pass that input; it binds by key, not name).
 */
public final class Compatibility {

    public enum Severity { Warning, Error }

    public record Finding(String incompatibilityType, Severity severity, String hint) {
    }

    private Compatibility() {
    }

    /** What a missing element of this type is called among the incompatibility types. */
    public static String missingType(String elementType) {
        return switch (elementType) {
            case PublicElement.SERVICE_ACTION -> "MissingServiceAction";
            case PublicElement.ENTITY -> "MissingServerEntity";
            case PublicElement.STATIC_ENTITY -> "MissingStaticEntity";
            case PublicElement.STRUCTURE -> "MissingStructure";
            case PublicElement.SCREEN -> "MissingScreen";
            default -> "MissingConsumerElementSignature";
        };
    }

    /** Differences from {@code used} (what the consumer was built against) to {@code offered}. */
    public static List<Finding> compare(ElementSnapshot used, ElementSnapshot offered) {
        List<Finding> out = new ArrayList<>();
        String type = used.type();
        if (!type.equals(offered.type())) {
            out.add(new Finding(missingType(type), Severity.Error, "'" + used.name() + "' is now a "
                    + offered.type() + ", no longer a " + type + "."));
            return out;
        }
        if (!used.name().equalsIgnoreCase(offered.name())) {
            out.add(new Finding(nameMismatch(type), Severity.Warning, "'" + used.name() + "' is now called '"
                    + offered.name() + "'."));
        }
        PublicElement.Signature was = used.signature();
        PublicElement.Signature now = offered.signature();
        switch (type) {
            case PublicElement.SERVICE_ACTION, PublicElement.SCREEN -> {
                inputs(was.inputs(), now.inputs(), out);
                outputs(was.outputs(), now.outputs(), out);
            }
            case PublicElement.STRUCTURE -> attributes(was.attributes(), now.attributes(), "Structure", out);
            default -> attributes(was.attributes(), now.attributes(), "Entity", out);
        }
        for (String record : was.records()) {
            if (!now.records().contains(record)) {
                out.add(new Finding("MissingRecord", Severity.Error, "The record '" + record + "' is gone."));
            }
        }
        return out;
    }

    private static void inputs(List<PublicElement.Parameter> was, List<PublicElement.Parameter> now,
                               List<Finding> out) {
        Map<String, PublicElement.Parameter> after = byName(now);
        Map<String, PublicElement.Parameter> before = byName(was);
        for (PublicElement.Parameter p : was) {
            PublicElement.Parameter n = after.get(lower(p.name()));
            if (n == null) {
                out.add(new Finding("InputParameterMismatch", p.mandatory() ? Severity.Error : Severity.Warning,
                        "The input '" + p.name() + "' was removed."));
            } else if (!n.dataType().equals(p.dataType())) {
                out.add(new Finding("InputParameterTypeMismatch", Severity.Error, "The input '" + p.name()
                        + "' changed from " + p.dataType() + " to " + n.dataType() + "."));
            }
        }
        for (PublicElement.Parameter n : now) {
            PublicElement.Parameter p = before.get(lower(n.name()));
            if (n.mandatory() && (p == null || !p.mandatory())) {
                out.add(new Finding("MissingMandatoryInputParameter", Severity.Error, "The input '" + n.name()
                        + "' is " + (p == null ? "new and " : "now ") + "mandatory."));
            }
        }
    }

    private static void outputs(List<PublicElement.Parameter> was, List<PublicElement.Parameter> now,
                                List<Finding> out) {
        Map<String, PublicElement.Parameter> after = byName(now);
        for (PublicElement.Parameter p : was) {
            PublicElement.Parameter n = after.get(lower(p.name()));
            if (n == null) {
                out.add(new Finding("OutputParameterMismatch", Severity.Error, "The output '" + p.name()
                        + "' was removed."));
            } else if (!n.dataType().equals(p.dataType())) {
                out.add(new Finding("OutputParameterTypeMismatch", Severity.Error, "The output '" + p.name()
                        + "' changed from " + p.dataType() + " to " + n.dataType() + "."));
            }
        }
    }

    private static void attributes(List<PublicElement.Parameter> was, List<PublicElement.Parameter> now,
                                   String kind, List<Finding> out) {
        Map<String, PublicElement.Parameter> after = byName(now);
        Map<String, PublicElement.Parameter> before = byName(was);
        for (PublicElement.Parameter p : was) {
            PublicElement.Parameter n = after.get(lower(p.name()));
            if (n == null) {
                out.add(new Finding(kind + "AttributeMismatch", Severity.Error, "The attribute '" + p.name()
                        + "' was removed."));
            } else if (!n.dataType().equals(p.dataType())) {
                out.add(new Finding(kind + "AttributeTypeMismatch", Severity.Error, "The attribute '" + p.name()
                        + "' changed from " + p.dataType() + " to " + n.dataType() + "."));
            }
        }
        for (PublicElement.Parameter n : now) {
            PublicElement.Parameter p = before.get(lower(n.name()));
            if (n.mandatory() && (p == null || !p.mandatory())) {
                out.add(new Finding("MissingMandatory" + kind + "Attribute", Severity.Error, "The attribute '"
                        + n.name() + "' is " + (p == null ? "new and " : "now ") + "mandatory."));
            }
        }
    }

    private static String nameMismatch(String type) {
        return switch (type) {
            case PublicElement.SERVICE_ACTION -> "ServiceActionNameMismatch";
            case PublicElement.ENTITY -> "ServerEntityNameMismatch";
            case PublicElement.STATIC_ENTITY -> "StaticEntityNameMismatch";
            case PublicElement.STRUCTURE -> "StructureNameMismatch";
            default -> "ScreenNameMismatch";
        };
    }

    private static Map<String, PublicElement.Parameter> byName(List<PublicElement.Parameter> parameters) {
        return parameters.stream().collect(Collectors.toMap(p -> lower(p.name()), Function.identity(), (a, b) -> a));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
