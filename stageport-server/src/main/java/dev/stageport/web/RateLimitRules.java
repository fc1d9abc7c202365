package dev.stageport.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which buckets a request counts against, after the ODC rate-limit table: every
 * request under an API domain (portfolios, builds, deployments, …) shares that
 * domain's pool; POSTs on builds and deployments, and POST /assets, also have a
 * pool of their own per endpoint. Pure: no state, no clock.
 */
public record RateLimitRules(boolean enabled, int domainPerMinute, int postPerMinute) {

    private static final Pattern API = Pattern.compile("^/api/([a-z-]+)/v\\d+(/.*)?$");
    private static final Pattern KEY_SEGMENT = Pattern.compile(
            "/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public record Bucket(String name, int limit) {
    }

    public List<Bucket> bucketsFor(String method, String path) {
        List<Bucket> buckets = new ArrayList<>();
        if (!enabled) {
            return buckets;
        }
        var matcher = API.matcher(path);
        if (!matcher.matches()) {
            return buckets;
        }
        String domain = matcher.group(1);
        if (domain.equals("stageport")) {
            return buckets;
        }
        if ("POST".equals(method) && (domain.equals("builds") || domain.equals("deployments")
                || path.matches("^/api/asset-repository/v\\d+/assets/?$"))) {
            buckets.add(new Bucket("POST " + KEY_SEGMENT.matcher(path).replaceAll("/{key}").replaceAll("/$", ""),
                    postPerMinute));
        }
        buckets.add(new Bucket(domain, domainPerMinute));
        return buckets;
    }
}
