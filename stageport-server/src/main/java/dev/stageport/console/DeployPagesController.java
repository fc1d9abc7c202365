package dev.stageport.console;

import dev.stageport.deployments.DeploymentOperationRequest;
import dev.stageport.deployments.DeploymentOperationsType;
import dev.stageport.deployments.DeploymentService;
import dev.stageport.web.Keys;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deploy dialog in two steps: the asset page's form asks for the confirm page of a build and a
 * stage (deployment analysis, stage policy, what the policy refuses), whose form starts the Deploy.
 */
@Controller
class DeployPagesController {

    private final DeployPreview previews;
    private final DeploymentService deployments;
    private final FormOnce once;

    DeployPagesController(DeployPreview previews, DeploymentService deployments, FormOnce once) {
        this.previews = previews;
        this.deployments = deployments;
        this.once = once;
    }

    @GetMapping("/console/assets/{assetKey}/deploy")
    String confirm(Viewer viewer, @PathVariable String assetKey, @RequestParam String buildKey,
                   @RequestParam String environmentKey, Model model) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("p", previews.preview(viewer.caller(), assetKey, buildKey, environmentKey));
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "deploy";
    }

    /** Starts the Deploy; the domain applies the stage policy again, whatever the confirm page showed. */
    @PostMapping("/console/assets/{assetKey}/deploy")
    String deploy(Viewer viewer, @PathVariable String assetKey, @RequestParam String buildKey,
                  @RequestParam int revision, @RequestParam String environmentKey,
                  @RequestParam String idempotencyKey, @RequestParam(required = false) String freezeOverride) {
        UUID asset = Keys.parse(assetKey, "assetKey");
        UUID build = Keys.parse(buildKey, "buildKey");
        UUID stage = Keys.parse(environmentKey, "environmentKey");
        String override = freezeOverride == null || freezeOverride.isBlank() ? null : freezeOverride;
        return "redirect:" + once.run(viewer, idempotencyKey,
                "/console/assets/" + asset + "/deploy?build=" + build + "&stage=" + stage, () ->
                "/console/operations/" + deployments.create(viewer.caller(), new DeploymentOperationRequest(
                        DeploymentOperationsType.Deploy, asset, build, revision, stage), override).key());
    }
}
