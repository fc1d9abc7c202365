package dev.stageport.deployments;

import dev.stageport.builds.Build;
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
        return builds.findWithArtifact(buildKey).filter(found -> found.build().assetKey().equals(assetKey))
                .map(found -> {
                    Build b = found.build();
                    Optional<BuildArtifact> artifact = Optional.ofNullable(found.artifact());
                    return new DeployableBuild(b.key(), b.assetRevision(), b.deployable(),
                            artifact.map(BuildArtifact::digest).orElse(null),
                            artifact.map(BuildArtifact::runSpec).orElse(null));
                });
    }
}
