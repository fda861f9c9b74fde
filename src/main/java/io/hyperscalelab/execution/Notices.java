package io.hyperscalelab.execution;

import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

/** Server notices as psql prints them: {@code NOTICE:  message}. */
final class Notices {

    private Notices() {
    }

    static String message(SQLWarning notice) {
        ServerErrorMessage server = notice instanceof PSQLWarning warning ? warning.getServerErrorMessage() : null;
        return server != null && server.getMessage() != null ? server.getMessage() : notice.getMessage();
    }

    static List<String> lines(List<SQLWarning> notices) {
        List<String> lines = new ArrayList<>();
        for (SQLWarning notice : notices) {
            ServerErrorMessage server = notice instanceof PSQLWarning warning ? warning.getServerErrorMessage() : null;
            String severity = server != null && server.getSeverity() != null ? server.getSeverity() : "NOTICE";
            StringBuilder line = new StringBuilder(severity).append(":  ").append(message(notice));
            if (server != null && server.getDetail() != null) {
                line.append("\nDETAIL:  ").append(server.getDetail());
            }
            if (server != null && server.getHint() != null) {
                line.append("\nHINT:  ").append(server.getHint());
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
