package dev.stageport.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The requests whose bodies are bundles: they may be far larger than the 1 MB every
 * other /api body is held to, so {@link BodySizeLimit} and {@link IdempotencyFilter}
 * (which buffers bodies) leave them alone. Their size limit is stageport.bundles.max-size,
 * enforced while the body streams into the artifact store.
 */
public final class StreamedUploads {

    public static final String ASSETS = "/api/asset-repository/v1/assets";
    public static final String UPLOADS = "/api/asset-repository/v1/uploads/";

    private StreamedUploads() {
    }

    public static boolean matches(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return ("POST".equals(request.getMethod()) && uri.equals(ASSETS))
                || ("PUT".equals(request.getMethod()) && uri.startsWith(UPLOADS));
    }
}
