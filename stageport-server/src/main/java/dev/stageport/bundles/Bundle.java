package dev.stageport.bundles;

import dev.stageport.configschema.ConfigSchema;
import java.util.List;
import java.util.Set;

/**
 * A bundle that passed every check {@link BundleReader} can make without the
 * database: its manifest, mapped onto the server's own types. {@code configuration}
 * holds settings, timers and integrations; its {@code libraries} stay empty until
 * the asset repository (assets.LibraryResolver) has turned {@link #libraries()}
 * (which may name a tag) into exact revisions. {@code run} is null for a library. {@code files} are the
 * zip's entry names other than the manifest, already checked to stay inside the root.
 * {@code publicElements} and {@code references} feed the dependency graph (docs/dependencies.md).
 */
public record Bundle(
        int formatVersion,
        String assetKey,
        String name,
        String type,
        String description,
        String commitMessage,
        ConfigSchema configuration,
        List<LibraryReference> libraries,
        RunSpec run,
        List<String> files,
        List<PublicElement> publicElements,
        List<ElementReference> references) {

    public static final String MANIFEST = "manifest.json";
    public static final String LIBRARY_TYPE = "LowCodeLibrary";
    /** An agent runs like an app, but its configurations live under .../agents/{agentKey}/... */
    public static final String AGENT_TYPE = "Agent";
    public static final Set<String> APP_TYPES = Set.of("WebApplication", "MobileApplication");
    /** What needs a run section: apps and agents. */
    public static final Set<String> RUNNABLE_TYPES = Set.of("WebApplication", "MobileApplication", AGENT_TYPE);
    public static final Set<String> TYPES = Set.of("WebApplication", "MobileApplication", AGENT_TYPE, LIBRARY_TYPE);

    public Bundle {
        libraries = libraries == null ? List.of() : List.copyOf(libraries);
        files = files == null ? List.of() : List.copyOf(files);
        publicElements = publicElements == null ? List.of() : List.copyOf(publicElements);
        references = references == null ? List.of() : List.copyOf(references);
    }

    public boolean isLibrary() {
        return LIBRARY_TYPE.equals(type);
    }

    /** This bundle with its library references resolved to exact revisions. */
    public Bundle withResolvedLibraries(List<ConfigSchema.LibraryRef> resolved) {
        ConfigSchema schema = new ConfigSchema(configuration.settings(), configuration.timers(),
                configuration.integrations(), resolved);
        return new Bundle(formatVersion, assetKey, name, type, description, commitMessage, schema, libraries, run,
                files, publicElements, references);
    }

    /** A manifest's reference to a library: by exact {@code revision} or by {@code tag}, never both. */
    public record LibraryReference(String assetKey, Integer revision, String tag) {
    }

    /**
     * A manifest's use of a producer's public elements, by element key. A library's
     * revision comes from {@code configuration.libraries}; an app producer's from
     * {@code revision}, or its newest revision at upload when that is absent.
     */
    public record ElementReference(String assetKey, Integer revision, List<String> elements) {

        public ElementReference {
            elements = elements == null ? List.of() : List.copyOf(elements);
        }
    }
}
