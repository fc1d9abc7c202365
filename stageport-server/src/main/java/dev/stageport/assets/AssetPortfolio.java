package dev.stageport.assets;

/**
 * What assets need of the portfolio, which lists them and what runs of them in each stage,
 * and so stands above them (docs/architecture.md): the portfolio an asset without one of its
 * own joins, and whether an asset runs in a stage, which keeps it from being deleted.
 * The portfolio package implements it.
 */
public interface AssetPortfolio {

    String mainPortfolioKey();

    boolean deployedAnywhere(String assetKey);
}
