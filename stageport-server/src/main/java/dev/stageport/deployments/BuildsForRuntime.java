package dev.stageport.deployments;

import dev.stageport.builds.BuildArtifact;
import dev.stageport.builds.BuildRepository;
import dev.stageport.runtime.DeployableBuilds;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The builds as the runtime sees them: one read of the build and its artifact. */
@Component
class BuildsForRuntime implements DeployableBuilds {

    private final BuildRepository builds;

    BuildsForRuntime(BuildRepository builds) {
        this.builds = builds;
    }

    @Override
    public Optional<DeployableBuild> find(String assetKey, String buildKey) {
        return builds.find(buildKey).filter(b -> b.assetKey().equals(assetKey)).map(b -> {
            Optional<BuildArtifact> artifact = builds.artifact(b.key());
            return new DeployableBuild(b.key(), b.assetRevision(), b.deployable(),
                    artifact.map(BuildArtifact::digest).orElse(null), artifact.map(BuildArtifact::runSpec).orElse(null));
        });
    }
}
