package dev.stageport.portfolio;

import java.util.List;

/** The raw query of GET /deployed-assets, validated by the service. */
record DeployedAssetQuery(String portfolioKey, String environmentKeys, String assetKeys, List<String> types,
                          String nameContains, String permissionFilter, Integer limit, Integer offset,
                          String sort) {
}
