package dev.stageport.web;

import dev.stageport.errors.ErrorCode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error report, for requests it refuses before Spring sees them: a
 * request line or header block over the limit, an encoded '/' or NUL in the path.
 * Instead of Tomcat's HTML page the client gets the same ProblemDetails shape as
 * everywhere else. Tomcat creates this valve by class name (see
 * {@link ProblemReportValve.Installer}), so it cannot use Spring beans; the trace id is new.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = status >= 500 ? ErrorCode.INTERNAL_ERROR
                : status == 413 ? ErrorCode.PAYLOAD_TOO_LARGE
                : status == 404 ? ErrorCode.NOT_FOUND
                : ErrorCode.MALFORMED_REQUEST;
        String detail = code == ErrorCode.MALFORMED_REQUEST
                ? "The server could not read the request: its request line or headers are over the limit of 8 KB, "
                        + "or its path holds an encoded '/', '\\' or NUL."
                : code.title() + ".";
        String uri = request.getDecodedRequestURI();
        ProblemDetails problem = new ProblemDetails("https://stageport.dev/problems/" + code.wireName(),
                code.title(), status, detail, uri == null ? null : uri, TraceIds.newId(), code.wireName(), null);
        try {
            response.setContentType(ProblemWriter.PROBLEM_JSON.toString());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing more to tell it
        }
    }
}
