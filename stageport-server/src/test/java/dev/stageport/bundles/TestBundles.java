package dev.stageport.bundles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds bundle zips for tests: a manifest plus named entries, written straight to disk. */
public final class TestBundles {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    private TestBundles() {
    }

    public static TestBundles zip() {
        return new TestBundles();
    }

    /** A bundle with {@code manifest} (JSON text) and one app file. */
    public static TestBundles withManifest(String manifest) {
        return zip().entry("manifest.json", manifest).entry("app/run.sh", "echo hello");
    }

    public TestBundles entry(String name, String content) {
        return entry(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public TestBundles entry(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    public Path writeTo(Path dir) throws IOException {
        Path file = Files.createTempFile(dir, "bundle-", ".zip");
        try (OutputStream out = Files.newOutputStream(file)) {
            writeTo(out);
        }
        return file;
    }

    public byte[] bytes() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writeTo(out);
        return out.toByteArray();
    }

    private void writeTo(OutputStream target) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }

    /** A valid app manifest with one setting, one timer, one integration and the given library refs. */
    public static String appManifest(UUID assetKey, String name, String librariesJson) {
        return """
                {"formatVersion": 1, "assetKey": "%s", "name": "%s", "type": "WebApplication",
                 "description": "Test app", "commitMessage": "first cut",
                 "configuration": {
                   "settings": [{"key": "GreetingText", "name": "GreetingText", "dataType": "Text",
                                 "defaultValue": "Hello", "isSecret": false},
                                {"key": "MaxItems", "dataType": "Integer", "defaultValue": 10}],
                   "timers": [{"key": "NightlyCleanup", "schedule": "0 3 * * *", "isActive": true}],
                   "integrations": [{"key": "WeatherApi", "pluginType": "RestAPI",
                                     "configs": [{"key": "BaseURL", "dataType": "Text",
                                                  "defaultValue": "https://example.com"}]}],
                   "libraries": %s
                 },
                 "run": {"command": ["sh", "app/run.sh"], "portVariable": "PORT", "healthPath": "/health"}}
                """.formatted(assetKey, name, librariesJson);
    }

    /** A valid library manifest with one setting. */
    public static String libraryManifest(UUID assetKey, String name, String settingKey) {
        return """
                {"formatVersion": 1, "assetKey": "%s", "name": "%s", "type": "LowCodeLibrary",
                 "configuration": {"settings": [{"key": "%s", "dataType": "Text", "defaultValue": "lib default"}]}}
                """.formatted(assetKey, name, settingKey);
    }

    /** A valid agent manifest: settings SystemPrompt (Text) and ModelApiKey (secret), run like an app. */
    public static String agentManifest(UUID assetKey, String name) {
        return """
                {"formatVersion": 1, "assetKey": "%s", "name": "%s", "type": "Agent",
                 "configuration": {"settings": [
                   {"key": "SystemPrompt", "dataType": "Text", "defaultValue": "Be brief"},
                   {"key": "ModelApiKey", "dataType": "Text", "isSecret": true}]},
                 "run": {"command": ["sh", "app/run.sh"], "portVariable": "PORT", "healthPath": "/health"}}
                """.formatted(assetKey, name);
    }
}
