package dev.stageport.portfolio;

import dev.stageport.assets.AssetPortfolio;
import org.springframework.stereotype.Component;

/** Every asset joins the main portfolio by default, and runs where the deployed-asset table says. */
@Component
class AssetPortfolioFromPortfolio implements AssetPortfolio {

    private final DeployedAssetRepository deployed;

    AssetPortfolioFromPortfolio(DeployedAssetRepository deployed) {
        this.deployed = deployed;
    }

    @Override
    public String mainPortfolioKey() {
        return Portfolio.MAIN_KEY;
    }

    @Override
    public boolean deployedAnywhere(String assetKey) {
        return deployed.deployedAnywhere(assetKey);
    }
}
