package io.hyperscalelab.execution;

import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

/** Server notices as pgjdbc hands them over, turned into {@link Notice}s. */
final class Notices {

    private Notices() {
    }

    static String message(SQLWarning notice) {
        ServerErrorMessage server = notice instanceof PSQLWarning warning ? warning.getServerErrorMessage() : null;
        return server != null && server.getMessage() != null ? server.getMessage() : notice.getMessage();
    }

    static List<Notice> of(List<SQLWarning> notices) {
        List<Notice> result = new ArrayList<>();
        for (SQLWarning notice : notices) {
            ServerErrorMessage server = notice instanceof PSQLWarning warning ? warning.getServerErrorMessage() : null;
            if (server == null) {
                result.add(new Notice("WARNING", notice.getSQLState(), notice.getMessage(), null, null, null));
            } else {
                result.add(new Notice(server.getSeverity() != null ? server.getSeverity() : "NOTICE", server.getSQLState(),
                        message(notice), server.getDetail(), server.getHint(), server.getWhere()));
            }
        }
        return result;
    }
}
