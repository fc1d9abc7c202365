package dev.stageport.console;

import dev.stageport.assets.Asset;
import dev.stageport.assets.AssetRepository;
import dev.stageport.identity.Caller;
import dev.stageport.policy.ApprovalResponse;
import dev.stageport.policy.ApprovalService;
import dev.stageport.portfolio.PortfolioService;
import dev.stageport.portfolio.Stage;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The approvals inbox: pending approvals the user may see, with the decisions the user may take. */
@Service
class ApprovalPages {

    static final int PAGE = 100;

    record Row(ApprovalResponse approval, String assetName, String stageName, ApprovalService.Choices choices) {
    }

    private final ApprovalService approvals;
    private final AssetRepository assets;
    private final PortfolioService portfolio;

    ApprovalPages(ApprovalService approvals, AssetRepository assets, PortfolioService portfolio) {
        this.approvals = approvals;
        this.assets = assets;
        this.portfolio = portfolio;
    }

    List<Row> pending(Caller caller) {
        Map<String, Stage> stages = portfolio.visibleStages(caller).stream()
                .collect(Collectors.toMap(Stage::key, Function.identity()));
        return approvals.list(caller, "Pending", PAGE, 0).results().stream()
                .map(a -> new Row(a, assets.find(a.assetKey()).map(Asset::name).orElse(a.assetKey()),
                        stages.containsKey(a.environmentKey()) ? stages.get(a.environmentKey()).name()
                                : a.environmentKey(), approvals.choices(caller, a)))
                .toList();
    }
}
