package dev.stageport.console;

import dev.stageport.errors.ApiException;
import dev.stageport.identity.Permission;
import dev.stageport.portfolio.PortfolioService;
import dev.stageport.web.Keys;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** An app's configuration in one stage, and in two stages side by side. */
@Controller
class ConfigPagesController {

    private final ConfigPages pages;
    private final AssetPages assets;
    private final PortfolioService portfolio;

    ConfigPagesController(ConfigPages pages, AssetPages assets, PortfolioService portfolio) {
        this.pages = pages;
        this.assets = assets;
        this.portfolio = portfolio;
    }

    @GetMapping("/console/assets/{assetKey}/configuration/{environmentKey}")
    String single(Viewer viewer, @PathVariable String assetKey, @PathVariable String environmentKey, Model model) {
        common(viewer, assetKey, model);
        ConfigPages.Comparison comparison = pages.single(viewer.caller(), assetKey, environmentKey);
        model.addAttribute("comparison", comparison);
        model.addAttribute("canApply", viewer.caller().can(Permission.DEPLOY_APPS, comparison.from().stage().key()));
        model.addAttribute("canEdit", viewer.caller().can(Permission.EDIT_CONFIGURATIONS,
                comparison.from().stage().key()));
        model.addAttribute("idempotencyKey", java.util.UUID.randomUUID().toString());
        return "configuration";
    }

    /** Sets one value (pending until applied) and comes back to the page, where Apply is one click away. */
    @PostMapping("/console/assets/{assetKey}/configuration/{environmentKey}")
    String setValue(Viewer viewer, @PathVariable String assetKey, @PathVariable String environmentKey,
                    @RequestParam String settingKey, @RequestParam(required = false) String value) {
        UUID asset = Keys.parse(assetKey, "assetKey");
        UUID stage = Keys.parse(environmentKey, "environmentKey");
        pages.setValue(viewer.caller(), asset.toString(), stage.toString(), settingKey, value);
        return "redirect:/console/assets/" + asset + "/configuration/" + stage + "?saved";
    }

    @GetMapping("/console/assets/{assetKey}/compare")
    String compare(Viewer viewer, @PathVariable String assetKey, @RequestParam String from, @RequestParam String to,
                   Model model) {
        if (from.equalsIgnoreCase(to)) {
            throw ApiException.badRequest("'from' and 'to' are the same stage; pick two stages.");
        }
        common(viewer, assetKey, model);
        model.addAttribute("comparison", pages.compare(viewer.caller(), assetKey, from, to));
        return "compare";
    }

    private void common(Viewer viewer, String assetKey, Model model) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("asset", assets.asset(viewer.caller(), assetKey));
        model.addAttribute("stages", portfolio.visibleStages(viewer.caller()));
    }
}
