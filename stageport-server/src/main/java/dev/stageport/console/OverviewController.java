package dev.stageport.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's start page (stages × assets) and the asset page. */
@Controller
class OverviewController {

    private final Overview overview;
    private final AssetPages assets;

    OverviewController(Overview overview, AssetPages assets) {
        this.overview = overview;
        this.assets = assets;
    }

    @GetMapping({"/console", "/console/"})
    String overview(Viewer viewer, @RequestParam(required = false) String name,
                    @RequestParam(required = false) String type, Model model) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("matrix", overview.matrix(viewer.caller(), name, type));
        model.addAttribute("name", name);
        model.addAttribute("type", type);
        return "overview";
    }

    @GetMapping("/console/assets/{assetKey}")
    String asset(Viewer viewer, @PathVariable String assetKey, Model model) {
        model.addAttribute("viewer", viewer);
        model.addAttribute("view", assets.view(viewer.caller(), assetKey));
        return "asset";
    }
}
