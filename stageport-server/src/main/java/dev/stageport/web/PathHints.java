package dev.stageport.web;

/**
 * Friendlier 404s: the ODC workflow page writes one path without its {@code /api}
 * prefix, and pipelines copy it. Name the path they meant.
 */
final class PathHints {

    private static final String[] API_ROOTS = {
        "/deployments/", "/portfolios/", "/asset-repository/", "/builds/", "/asset-configurations/"
    };

    private PathHints() {
    }

    static String notFoundDetail(String path) {
        for (String root : API_ROOTS) {
            if (path.startsWith(root)) {
                return "No resource at " + path + ". The ODC APIs live under /api: did you mean /api" + path + " ?";
            }
        }
        return "No resource at " + path + ".";
    }
}
