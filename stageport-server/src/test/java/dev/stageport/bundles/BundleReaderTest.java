package dev.stageport.bundles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stageport.configschema.ConfigSchema;
import dev.stageport.configschema.DataType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleReaderTest {

    @TempDir
    Path dir;

    private final BundleReader reader = new BundleReader(BundleLimits.DEFAULTS);

    @Test
    void validAppBundleMapsOntoConfigSchemaAndRunSpec() throws Exception {
        UUID key = UUID.randomUUID();
        UUID library = UUID.randomUUID();
        Path zip = TestBundles.withManifest(TestBundles.appManifest(key, "Hello",
                "[{\"assetKey\": \"" + library + "\", \"tag\": \"1.2.0\"}]")).writeTo(dir);

        Bundle bundle = reader.read(zip);

        assertThat(bundle.assetKey()).isEqualTo(key.toString());
        assertThat(bundle.name()).isEqualTo("Hello");
        assertThat(bundle.type()).isEqualTo("WebApplication");
        assertThat(bundle.commitMessage()).isEqualTo("first cut");
        assertThat(bundle.configuration().settings()).extracting(ConfigSchema.Setting::key, ConfigSchema.Setting::dataType,
                ConfigSchema.Setting::defaultValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GreetingText", DataType.Text, "Hello"),
                org.assertj.core.groups.Tuple.tuple("MaxItems", DataType.Integer, "10"));
        assertThat(bundle.configuration().timers()).singleElement()
                .satisfies(t -> assertThat(t.schedule()).isEqualTo("0 3 * * *"));
        assertThat(bundle.configuration().integrations()).singleElement()
                .satisfies(i -> assertThat(i.configs()).extracting(ConfigSchema.Setting::key).containsExactly("BaseURL"));
        assertThat(bundle.libraries()).containsExactly(new Bundle.LibraryReference(library.toString(), null, "1.2.0"));
        assertThat(bundle.configuration().libraries()).isEmpty();
        assertThat(bundle.run().command()).containsExactly("sh", "app/run.sh");
        assertThat(bundle.run().healthPath()).isEqualTo("/health");
        assertThat(bundle.files()).containsExactly("app/run.sh");
    }

    @Test
    void theExampleInDocsBundlesMdIsAValidManifest() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "bundles.md"));
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String manifest = doc.substring(start, doc.indexOf("```", start));
        Path zip = TestBundles.withManifest(manifest).writeTo(dir);

        Bundle bundle = reader.read(zip);

        assertThat(bundle.configuration().settings()).hasSize(4);
        assertThat(bundle.configuration().settings().get(2).defaultValue()).isEqualTo("True");
        assertThat(bundle.libraries()).hasSize(2);
        assertThat(bundle.run().command()).containsExactly("java", "-jar", "app/hello-settings.jar");
    }

    @Test
    void textsLongerThanTheirColumnsAreProblemsNotDatabaseErrors() throws Exception {
        String manifest = TestBundles.appManifest(UUID.randomUUID(), "n".repeat(201), "[]")
                .replace("\"Test app\"", "\"" + "d".repeat(2001) + "\"");
        Path zip = TestBundles.withManifest(manifest).writeTo(dir);

        assertProblems(() -> reader.read(zip)).containsExactlyInAnyOrder(
                "manifest.name may hold at most 200 characters.",
                "manifest.description may hold at most 2000 characters.");
    }

    @Test
    void libraryBundleNeedsNoRunSection() throws Exception {
        Path zip = TestBundles.zip().entry("manifest.json",
                TestBundles.libraryManifest(UUID.randomUUID(), "Lib", "LibSetting")).writeTo(dir);

        Bundle bundle = reader.read(zip);

        assertThat(bundle.isLibrary()).isTrue();
        assertThat(bundle.run()).isNull();
    }

    @Test
    void fileThatIsNotAZipIsOneProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("x.zip"), "not a zip at all");

        assertProblems(() -> reader.read(file)).singleElement().asString().contains("not a readable zip");
    }

    @Test
    void bundleWithoutManifestAtTheRootIsRefused() throws Exception {
        Path zip = TestBundles.zip().entry("app/manifest.json", "{}").writeTo(dir);

        assertProblems(() -> reader.read(zip)).singleElement().asString().contains("no manifest.json");
    }

    @Test
    void manifestThatIsNotJsonIsRefused() throws Exception {
        Path zip = TestBundles.withManifest("{\"formatVersion\": 1,").writeTo(dir);

        assertProblems(() -> reader.read(zip)).singleElement().asString().contains("not valid JSON");
    }

    @Test
    void manifestWithTheSameFieldTwiceIsRefused() throws Exception {
        Path zip = TestBundles.withManifest("{\"name\": \"a\", \"name\": \"b\"}").writeTo(dir);

        assertProblems(() -> reader.read(zip)).singleElement().asString().contains("not valid JSON");
    }

    @Test
    void everyManifestProblemIsListedAtOnce() throws Exception {
        String manifest = """
                {"formatVersion": 2, "assetKey": "not-a-uuid", "name": "", "type": "WebApplication",
                 "configuration": {
                   "settings": [{"key": "A", "dataType": "Text"}, {"key": "a", "dataType": "Text"},
                                {"key": "B", "dataType": "Strng"}, {"key": "C", "dataType": "Integer", "defaultValue": "x"}],
                   "timers": [{"key": "T", "schedule": "* * * * *"}, {"key": "T", "schedule": "* * * * *"}],
                   "integrations": [{"key": "I", "pluginType": "RestAPI",
                                     "configs": [{"key": "U", "dataType": "Text"}, {"key": "U", "dataType": "Text"}]},
                                    {"key": "I", "pluginType": "RestAPI"}],
                   "libraries": [{"assetKey": "%s"}],
                   "setings": []
                 }}
                """.formatted(UUID.randomUUID());
        Path zip = TestBundles.withManifest(manifest).writeTo(dir);

        assertProblems(() -> reader.read(zip)).hasSize(12).anySatisfy(p -> assertThat(p).contains("formatVersion"))
                .anySatisfy(p -> assertThat(p).contains("assetKey must be a UUID"))
                .anySatisfy(p -> assertThat(p).contains("manifest.name must be a non-empty string"))
                .anySatisfy(p -> assertThat(p).contains("configuration.settings has the key 'a' more than once"))
                .anySatisfy(p -> assertThat(p).contains("'Strng' is not one of"))
                .anySatisfy(p -> assertThat(p).contains("defaultValue does not fit dataType Integer"))
                .anySatisfy(p -> assertThat(p).contains("configuration.timers has the key 'T'"))
                .anySatisfy(p -> assertThat(p).contains("configs has the key 'U'"))
                .anySatisfy(p -> assertThat(p).contains("configuration.integrations has the key 'I'"))
                .anySatisfy(p -> assertThat(p).contains("exactly one of 'revision' or 'tag'"))
                .anySatisfy(p -> assertThat(p).contains("unknown field 'setings'"))
                .anySatisfy(p -> assertThat(p).contains("needs a 'run' section"));
    }

    @Test
    void entriesEscapingTheRootAreAllListed() throws Exception {
        Path zip = TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Slip", "[]"))
                .entry("../evil.sh", "x").entry("/etc/passwd", "x").entry("app/../../x", "x")
                .entry("C:/windows/x", "x").entry("app\\..\\x", "x").writeTo(dir);

        assertProblems(() -> reader.read(zip)).hasSize(5)
                .allSatisfy(p -> assertThat(p).containsAnyOf("escapes the bundle root", "absolute path", "backslash"));
    }

    @Test
    void libraryWithARunSectionIsRefused() throws Exception {
        String manifest = TestBundles.libraryManifest(UUID.randomUUID(), "Lib", "S").trim();
        manifest = manifest.substring(0, manifest.length() - 1) + ", \"run\": {\"command\": [\"x\"]}}";

        Path zip = TestBundles.withManifest(manifest).writeTo(dir);

        assertProblems(() -> reader.read(zip)).singleElement().asString().contains("no 'run' section");
    }

    @Test
    void moreEntriesThanTheLimitAreRefusedBeforeReadingThem() throws Exception {
        TestBundles bundle = TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Many", "[]"));
        for (int i = 0; i < 5; i++) {
            bundle.entry("f" + i, "x");
        }
        Path zip = bundle.writeTo(dir);

        assertProblems(() -> new BundleReader(new BundleLimits(1 << 20, 5, 1 << 20)).read(zip))
                .singleElement().asString().contains("at most 5");
    }

    @Test
    void zipBombStopsAtTheUncompressedLimit() throws Exception {
        Path zip = TestBundles.withManifest(TestBundles.appManifest(UUID.randomUUID(), "Bomb", "[]"))
                .entry("zeros.bin", new byte[4 << 20]).writeTo(dir);
        assertThat(Files.size(zip)).isLessThan(100_000);

        assertProblems(() -> new BundleReader(new BundleLimits(1 << 20, 100, 1 << 20)).read(zip))
                .singleElement().asString().contains("inflates to more than");
    }

    private static org.assertj.core.api.ListAssert<String> assertProblems(ThrowableAssert.ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(BundleProblems.class);
        List<String> problems = ((BundleProblems) thrown).problems();
        return assertThat(problems);
    }
}
