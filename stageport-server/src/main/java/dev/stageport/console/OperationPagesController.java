package dev.stageport.console;

import dev.stageport.deployments.DeploymentOperation;
import dev.stageport.deployments.DeploymentOperationRequest;
import dev.stageport.deployments.DeploymentOperationsType;
import dev.stageport.deployments.DeploymentService;
import dev.stageport.deployments.MessageDetailsV1TaskProgressMessage;
import dev.stageport.deployments.OperationEvents;
import dev.stageport.deployments.OperationStatus;
import dev.stageport.errors.ApiException;
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
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Operations history, the live operation page (pushed over an event stream, or polled), ApplyConfigs and cancel. */
@Controller
class OperationPagesController {

    static final int PAGE = 50;
    static final int MESSAGES = 100;

    private final DeploymentService deployments;
    private final PortfolioService portfolio;
    private final FormOnce once;
    private final OperationEvents events;
    private final LiveFragments fragments;

    OperationPagesController(DeploymentService deployments, PortfolioService portfolio, FormOnce once,
                             OperationEvents events, LiveFragments fragments) {
        this.deployments = deployments;
        this.portfolio = portfolio;
        this.once = once;
        this.events = events;
        this.fragments = fragments;
    }

    @GetMapping("/console/operations")
    String history(Viewer viewer, @RequestParam(required = false) String environmentKey,
                   @RequestParam(required = false) OperationStatus status,
                   @RequestParam(required = false) String assetKey,
                   @RequestParam(required = false) Integer revision,
                   @RequestParam(required = false) String portfolioKey,
                   @RequestParam(required = false) List<DeploymentOperationsType> operations,
                   @RequestParam(required = false) String createdDateSince,
                   @RequestParam(required = false) String createdDateTo,
                   @RequestParam(required = false) String permissionFilter,
                   @RequestParam(required = false) String sort,
                   @RequestParam(required = false) Integer offset, Model model) {
        HistoryFilters filters = new HistoryFilters(environmentKey, status, assetKey, revision, portfolioKey,
                operations, createdDateSince, createdDateTo, permissionFilter, sort);
        model.addAttribute("viewer", viewer);
        model.addAttribute("operations", deployments.page(viewer.caller(), filters.page(PAGE, offset)));
        model.addAttribute("stages", stageNames(viewer));
        model.addAttribute("filters", filters);
        model.addAttribute("statuses", OperationStatus.values());
        model.addAttribute("types", DeploymentOperationsType.values());
        return "operations";
    }

    /** With {@code poll=true} the page reloads its live part every second instead of following the event stream. */
    @GetMapping("/console/operations/{operationKey}")
    String operation(Viewer viewer, @PathVariable String operationKey,
                     @RequestParam(defaultValue = "false") boolean poll, Model model) {
        live(viewer, operationKey, model);
        model.addAttribute("polling", poll);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        return "operation";
    }

    /** The part of the operation page that htmx reloads every second in the polling fallback. */
    @GetMapping("/console/operations/{operationKey}/live")
    String live(Viewer viewer, @PathVariable String operationKey, Model model) {
        DeploymentOperation op = deployments.visible(viewer.caller(), operationKey);
        List<MessageDetailsV1TaskProgressMessage> shown = deployments.messages(viewer.caller(), op.key(), MESSAGES,
                null).results();
        model.addAttribute("viewer", viewer);
        model.addAttribute("op", op);
        model.addAttribute("stage", stageNames(viewer).get(op.environmentKey()));
        model.addAttribute("messages", shown);
        model.addAttribute("lastSeq", shown.size());
        model.addAttribute("polling", true);
        model.addAttribute("canCancel", op.status() == OperationStatus.Running
                && viewer.caller().can(Permission.DEPLOY_APPS, op.environmentKey()));
        return "operation :: live";
    }

    /**
     * The live page's event stream: rendered status and new messages as they happen, after the
     * {@code after}-th message (or the Last-Event-ID of a reconnect); it ends when the operation does.
     */
    @GetMapping(path = "/console/operations/{operationKey}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Viewer viewer, @PathVariable String operationKey,
                      @RequestParam(defaultValue = "0") int after,
                      @RequestHeader(name = "Last-Event-ID", required = false) Integer lastEventId) {
        DeploymentOperation op = deployments.visible(viewer.caller(), operationKey);
        int seen = lastEventId != null ? lastEventId : after;
        if (seen < 0) {
            throw ApiException.badRequest("'after' must be 0 or more, got " + seen + ".");
        }
        return new LiveOperationStream(op.key(), seen, events, fragments)
                .open();
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
}
