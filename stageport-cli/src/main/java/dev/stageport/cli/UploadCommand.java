package dev.stageport.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** Uploads a bundle zip as a new revision (a new asset the first time its key is seen). */
@Command(name = "upload", mixinStandardHelpOptions = true,
        footer = {"%nExample:", "  stageport upload hello-settings-bundle.zip --tag 1.4.0 --notes \"Dark theme\""},
        description = "Upload a bundle (zip) as a new revision of its asset.")
class UploadCommand extends ServerCommand {

    @Parameters(index = "0", paramLabel = "BUNDLE.zip", description = "The bundle to upload")
    Path bundle;

    @Option(names = "--tag", description = "Tag the new revision (MAJOR.MINOR.PATCH)")
    String tag;

    @Option(names = "--notes", description = "Release notes of the tag")
    String notes;

    @Option(names = "--message", description = "Commit message (default: the bundle manifest's)")
    String message;

    UploadCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() {
        if (!Files.isRegularFile(bundle)) {
            throw new UsageException("no such file: " + bundle);
        }
        if (notes != null && tag == null) {
            throw new UsageException("--notes needs --tag: release notes belong to a tagged revision");
        }
        Map<String, Object> creation = new LinkedHashMap<>();
        if (tag != null) {
            creation.put("tag", tag);
        }
        if (notes != null) {
            creation.put("releaseNotes", notes);
        }
        if (message != null) {
            creation.put("commitMessage", message);
        }
        JsonNode version = client().postFile("/api/asset-repository/v1/assets", "assetFile", bundle,
                creation.isEmpty() ? Map.of() : Map.of("creationRequest", creation));
        if (out().json()) {
            out().json(version);
            return ExitCode.OK;
        }
        out().table(version, List.of("ASSET", "KEY", "REVISION", "TAG"), List.of(List.of(
                Output.text(version, "name"), Output.text(version, "applicationKey"), Output.text(version, "revision"),
                Output.text(version, "tag"))));
        return ExitCode.OK;
    }
}
