package dev.stageport.dependencies;

import dev.stageport.bundles.PublicElement;

/**
 * A public element as one revision of its producer offers it, with its digests:
 * what the producer stores for itself and what a consumer stores of each element
 * it references (the signature it was built against).
 */
public record ElementSnapshot(String key, String name, String type, String description, boolean hidden,
                              PublicElement.Signature signature, String signatureDigest,
                              String compatibilityDigest) {

    static ElementSnapshot of(PublicElement element) {
        return new ElementSnapshot(element.key(), element.name(), element.type(), element.description(),
                element.hidden(), element.signature(),
                Signatures.signatureDigest(element.type(), element.name(), element.signature()),
                Signatures.compatibilityDigest(element.type(), element.signature()));
    }
}
