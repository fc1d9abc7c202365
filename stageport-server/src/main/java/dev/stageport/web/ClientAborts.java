package dev.stageport.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A client that closes its connection while sending a request body (an upload cancelled
 * half-way, a pipeline killed) makes the body's read fail. That is the client's doing, not a
 * server error: it is logged at info and answered 400, which the client will not read anyway.
 */
public final class ClientAborts {

    static final String DETAIL = "The connection closed before the request body was complete; nothing was stored.";
    /** Tomcat's wrapper for an I/O failure on the client's connection (not imported: web stays container-neutral). */
    private static final String TOMCAT_ABORT = "org.apache.catalina.connector.ClientAbortException";

    private ClientAborts() {
    }

    /** True when {@code e} or one of its causes is a read of a request body the client stopped sending. */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals(TOMCAT_ABORT)) {
                return true;
            }
        }
        return false;
    }

    static String describe(HttpServletRequest request, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "The client closed the connection during " + request.getMethod() + " " + request.getRequestURI()
                + " (traceId " + TraceIds.of(request) + "): " + root;
    }
}
