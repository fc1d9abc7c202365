package dev.stageport.dependencies;

import dev.stageport.bundles.PublicElement;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The two digests of a public element's signature. {@code signatureDigest} changes
 * with any change a consumer could notice (name, any input, output, attribute,
 * record). {@code compatibilitySignatureDigest} leaves out what a consumer built
 * against the old signature never needs: optional inputs and the element's name
 * (consumers bind by key). Adding an optional input therefore keeps it; removing an
 * attribute or changing a type changes it. Both are name-based UUIDs of a canonical
 * text, so equal signatures give equal digests on every server.
 */
public final class Signatures {

    private Signatures() {
    }

    public static String signatureDigest(String type, String name, PublicElement.Signature s) {
        return uuid("signature", type + "|" + lower(name) + "|in:" + params(s.inputs(), true) + "|out:"
                + params(s.outputs(), false) + "|attr:" + params(s.attributes(), true) + "|rec:" + records(s));
    }

    public static String compatibilityDigest(String type, PublicElement.Signature s) {
        List<PublicElement.Parameter> mandatoryInputs = s.inputs().stream()
                .filter(PublicElement.Parameter::mandatory).toList();
        return uuid("compatibility", type + "|in:" + params(mandatoryInputs, false) + "|out:"
                + params(s.outputs(), false) + "|attr:" + params(s.attributes(), true) + "|rec:" + records(s));
    }

    /** One digest over many (an asset revision's elements): null when there are none. */
    public static String combined(String kind, List<String> digests) {
        if (digests.isEmpty()) {
            return null;
        }
        return uuid(kind, digests.stream().sorted().collect(Collectors.joining(",")));
    }

    private static String params(List<PublicElement.Parameter> parameters, boolean withMandatory) {
        return parameters.stream()
                .sorted(Comparator.comparing(p -> lower(p.name())))
                .map(p -> lower(p.name()) + ":" + p.dataType() + (withMandatory && p.mandatory() ? "!" : ""))
                .collect(Collectors.joining(","));
    }

    private static String records(PublicElement.Signature s) {
        return s.records().stream().sorted().collect(Collectors.joining(","));
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    private static String uuid(String kind, String canonical) {
        return UUID.nameUUIDFromBytes((kind + "\n" + canonical).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
