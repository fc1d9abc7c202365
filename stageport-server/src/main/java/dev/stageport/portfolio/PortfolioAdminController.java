package dev.stageport.portfolio;

import dev.stageport.identity.Caller;
import dev.stageport.portfolio.api.LibraryPagedListResponse;
import dev.stageport.portfolio.api.PortfolioPagedListResponse;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Portfolio API v2: renaming and reordering stages, portfolios, libraries. */
@RestController
@RequestMapping("/api/portfolios/v2")
public class PortfolioAdminController {

    private final StageChanges stageChanges;
    private final PortfolioDirectory directory;

    public PortfolioAdminController(StageChanges stageChanges, PortfolioDirectory directory) {
        this.stageChanges = stageChanges;
        this.directory = directory;
    }

    @PatchMapping("/environments")
    void patchEnvironments(Caller caller, @RequestBody(required = false) JsonNode body) {
        stageChanges.patchMany(caller, body);
    }

    @PatchMapping("/environments/{environmentKey}")
    void patchEnvironment(Caller caller, @PathVariable String environmentKey,
                          @RequestBody(required = false) JsonNode body) {
        stageChanges.patchOne(caller, environmentKey, body);
    }

    @GetMapping("/portfolios")
    PortfolioPagedListResponse portfolios(Caller caller, @RequestParam(required = false) String portfolioKey,
                                          @RequestParam(required = false) Integer limit,
                                          @RequestParam(required = false) Integer offset) {
        return directory.portfolios(caller, portfolioKey, limit, offset);
    }

    @PatchMapping("/portfolios/{portfolioKey}")
    void patchPortfolio(Caller caller, @PathVariable String portfolioKey,
                        @RequestBody(required = false) JsonNode body) {
        directory.rename(caller, portfolioKey, body);
    }

    @GetMapping("/libraries")
    LibraryPagedListResponse libraries(Caller caller, @RequestParam(required = false) String key,
                                       @RequestParam(required = false) List<String> type,
                                       @RequestParam(required = false) String nameContains,
                                       @RequestParam(required = false) String permissionFilter,
                                       @RequestParam(required = false) List<String> sort,
                                       @RequestParam(required = false) String portfolioKey,
                                       @RequestParam(required = false) String revisions,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) Integer offset) {
        return directory.libraries(caller, new PortfolioDirectory.LibraryQuery(key, type, nameContains,
                permissionFilter, sort, portfolioKey, revisions, limit, offset));
    }
}
