package dev.stageport.portfolio;

import dev.stageport.identity.Caller;
import dev.stageport.portfolio.api.DeployedAssetPagedListResponse;
import dev.stageport.portfolio.api.Environment;
import dev.stageport.portfolio.api.EnvironmentListResponse;
import dev.stageport.portfolio.api.EnvironmentV2;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Portfolio API v1 and v2: the stages a client may see and what is deployed in them. */
@RestController
public class PortfolioController {

    private final PortfolioService portfolio;

    public PortfolioController(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    @GetMapping("/api/portfolios/v1/environments")
    EnvironmentListResponse<Environment> environmentsV1(Caller caller) {
        return new EnvironmentListResponse<>(portfolio.visibleStages(caller).stream()
                .map(PortfolioService::toV1).toList());
    }

    @GetMapping("/api/portfolios/v2/environments")
    EnvironmentListResponse<EnvironmentV2> environmentsV2(Caller caller,
                                                          @RequestParam(required = false) String portfolioKey) {
        return new EnvironmentListResponse<>(portfolio.visibleStages(caller, portfolioKey).stream()
                .map(PortfolioService::toV2).toList());
    }

    @GetMapping({"/api/portfolios/v1/deployed-assets", "/api/portfolios/v2/deployed-assets"})
    DeployedAssetPagedListResponse deployedAssets(Caller caller,
                                                  @RequestParam(required = false) String portfolioKey,
                                                  @RequestParam(required = false) String environmentKey,
                                                  @RequestParam(required = false) String key,
                                                  @RequestParam(required = false) List<String> type,
                                                  @RequestParam(required = false) String nameContains,
                                                  @RequestParam(required = false) String permissionFilter,
                                                  @RequestParam(required = false) Integer limit,
                                                  @RequestParam(required = false) Integer offset,
                                                  @RequestParam(required = false) String sort) {
        return portfolio.deployedAssets(caller, new DeployedAssetQuery(portfolioKey, environmentKey, key, type,
                nameContains, permissionFilter, limit, offset, sort));
    }
}
