package dev.stageport.cli;

import dev.stageport.client.OdcClient;
import picocli.CommandLine.Option;

/** The --stage and --asset pair of the config commands, resolved from names or keys. */
final class StageAsset {

    @Option(names = "--stage", required = true) String stage;
    @Option(names = "--asset", required = true) String asset;

    String stageKey(OdcClient client) {
        return Names.stageKey(client, stage);
    }

    String assetKey(OdcClient client) {
        return Names.assetKey(client, asset);
    }
}
