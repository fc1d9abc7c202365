package dev.stageport.portfolio.api;

/** Portfolio v2 Portfolio. */
public record Portfolio(String key, String name, String type, boolean isMainPortfolio,
                        Integer nonProductionEnvironmentCount) {
}
