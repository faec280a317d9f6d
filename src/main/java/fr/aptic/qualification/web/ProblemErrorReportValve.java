package fr.aptic.qualification.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The answer Tomcat itself gives to a request it refuses before any filter or controller sees it (a URL
 * with {@code %00}, a malformed request line): an RFC 9457 problem like every other error, instead of
 * Tomcat's HTML page. Says only the status; never echoes the request.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer == null) {
                return;
            }
            String title = status == 400 ? "Bad Request" : status >= 500 ? "Internal Server Error" : "Error";
            String errors = status == 400 ? ",\"errors\":[{\"field\":\"url\",\"message\":\"adresse mal formée\"}]" : "";
            writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"Requête refusée par le serveur (" + status + ")\"" + errors + "}");
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is committed: nothing more to say.
        }
    }
}
