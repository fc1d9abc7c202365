package dev.stageport.bundles;

import java.util.List;
import java.util.Set;

/**
 * Something a bundle offers to other assets (a service action, an entity, a screen
 * ...), as its manifest declares it under {@code publicElements}. The signature is
 * what a consumer depends on; its digests are computed in the dependencies feature.
 */
public record PublicElement(String key, String name, String type, String description, boolean hidden,
                            Signature signature) {

    public static final String SERVICE_ACTION = "ServiceAction";
    public static final String ENTITY = "Entity";
    public static final String STRUCTURE = "Structure";
    public static final String STATIC_ENTITY = "StaticEntity";
    public static final String SCREEN = "Screen";
    public static final Set<String> TYPES = Set.of(SERVICE_ACTION, ENTITY, STRUCTURE, STATIC_ENTITY, SCREEN);
    /** Element types whose key may be used as a data type (a record of it). */
    public static final Set<String> RECORD_TYPES = Set.of(ENTITY, STRUCTURE, STATIC_ENTITY);

    /**
     * Inputs and outputs (service actions; screens have inputs only), attributes
     * (entities, structures, static entities) and the record identifiers of a static entity.
     */
    public record Signature(List<Parameter> inputs, List<Parameter> outputs, List<Parameter> attributes,
                            List<String> records) {

        public Signature {
            inputs = inputs == null ? List.of() : List.copyOf(inputs);
            outputs = outputs == null ? List.of() : List.copyOf(outputs);
            attributes = attributes == null ? List.of() : List.copyOf(attributes);
            records = records == null ? List.of() : List.copyOf(records);
        }
    }

    /** An input, output or attribute: outputs are never mandatory. */
    public record Parameter(String name, String dataType, boolean mandatory) {
    }
}
