package dev.stageport.console;

import dev.stageport.deployments.DeploymentOperation;
import dev.stageport.deployments.DeploymentOperationRequest;
import dev.stageport.deployments.DeploymentOperationsType;
import dev.stageport.deployments.DeploymentService;
import dev.stageport.deployments.ListRequest;
import dev.stageport.deployments.OperationStatus;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.PortfolioService;
import dev.stageport.portfolio.Stage;
import dev.stageport.web.CancelRequest;
import dev.stageport.web.Keys;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Operations history, the live operation page (polled by htmx until the operation ends), deploy and cancel. */
@Controller
class OperationPagesController {

    static final int PAGE = 50;
    static final int MESSAGES = 100;

    private final DeploymentService deployments;
    private final PortfolioService portfolio;
    private final FormOnce once;

    OperationPagesController(DeploymentService deployments, PortfolioService portfolio, FormOnce once) {
        this.deployments = deployments;
        this.portfolio = portfolio;
        this.once = once;
    }

    @GetMapping("/console/operations")
    String history(Viewer viewer, @RequestParam(required = false) String environmentKey,
                   @RequestParam(required = false) OperationStatus status,
                   @RequestParam(required = false) String assetKey,
                   @RequestParam(required = false) Integer offset, Model model) {
        List<DeploymentOperation> rows = deployments.page(viewer.caller(), new ListRequest(blank(environmentKey),
                status, blank(assetKey), null, null, null, null, null, null, PAGE, offset, null));
        model.addAttribute("viewer", viewer);
        model.addAttribute("operations", rows);
        model.addAttribute("stages", stageNames(viewer));
        model.addAttribute("environmentKey", environmentKey);
        model.addAttribute("status", status);
        model.addAttribute("statuses", OperationStatus.values());
        model.addAttribute("assetKey", assetKey);
        return "operations";
    }

    @GetMapping("/console/operations/{operationKey}")
    String operation(Viewer viewer, @PathVariable String operationKey, Model model) {
        live(viewer, operationKey, model);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "operation";
    }

    /** The part of the operation page that htmx reloads while the operation runs. */
    @GetMapping("/console/operations/{operationKey}/live")
    String live(Viewer viewer, @PathVariable String operationKey, Model model) {
        DeploymentOperation op = deployments.visible(viewer.caller(), operationKey);
        model.addAttribute("viewer", viewer);
        model.addAttribute("op", op);
        model.addAttribute("stage", stageNames(viewer).get(op.environmentKey()));
        model.addAttribute("messages", deployments.messages(viewer.caller(), op.key(), MESSAGES, null).results());
        model.addAttribute("canCancel", op.status() == OperationStatus.Running
                && viewer.caller().can(Permission.DEPLOY_APPS, op.environmentKey()));
        return "operation :: live";
    }

    @PostMapping("/console/operations/{operationKey}/cancel")
    String cancel(Viewer viewer, @PathVariable String operationKey, @RequestParam String idempotencyKey,
                  @RequestParam(required = false) String reason) {
        String key = Keys.parse(operationKey, "operationKey").toString();
        String path = "/console/operations/" + key;
        return "redirect:" + once.run(viewer, idempotencyKey, path + "/cancel", () -> {
            deployments.cancel(viewer.caller(), key, new CancelRequest(
                    reason == null || reason.isBlank() ? "Cancelled in the console by " + viewer.username() : reason));
            return path;
        });
    }

    @PostMapping("/console/assets/{assetKey}/deploy")
    String deploy(Viewer viewer, @PathVariable String assetKey, @RequestParam String buildKey,
                  @RequestParam int revision, @RequestParam String environmentKey,
                  @RequestParam String idempotencyKey) {
        UUID asset = Keys.parse(assetKey, "assetKey");
        UUID build = Keys.parse(buildKey, "buildKey");
        UUID stage = Keys.parse(environmentKey, "environmentKey");
        return "redirect:" + once.run(viewer, idempotencyKey,
                "/console/assets/" + asset + "/deploy?build=" + build + "&stage=" + stage, () ->
                "/console/operations/" + deployments.create(viewer.caller(), new DeploymentOperationRequest(
                        DeploymentOperationsType.Deploy, asset, build, revision, stage)).key());
    }

    @PostMapping("/console/assets/{assetKey}/apply-configs")
    String applyConfigs(Viewer viewer, @PathVariable String assetKey, @RequestParam String environmentKey,
                        @RequestParam String idempotencyKey) {
        UUID asset = Keys.parse(assetKey, "assetKey");
        UUID stage = Keys.parse(environmentKey, "environmentKey");
        return "redirect:" + once.run(viewer, idempotencyKey,
                "/console/assets/" + asset + "/apply-configs?stage=" + stage, () ->
                "/console/operations/" + deployments.create(viewer.caller(), new DeploymentOperationRequest(
                        DeploymentOperationsType.ApplyConfigs, asset, null, null, stage)).key());
    }

    private Map<String, Stage> stageNames(Viewer viewer) {
        return portfolio.visibleStages(viewer.caller()).stream()
                .collect(Collectors.toMap(Stage::key, Function.identity()));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
