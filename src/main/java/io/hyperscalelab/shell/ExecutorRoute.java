package io.hyperscalelab.shell;

import io.hyperscalelab.breakdown.RanStatement;
import io.hyperscalelab.execution.ExecutionResult;
import io.hyperscalelab.execution.LearnerSession;
import io.hyperscalelab.execution.Notice;
import io.hyperscalelab.execution.ResultColumn;
import io.hyperscalelab.execution.SqlScript;
import io.hyperscalelab.execution.StatementException;
import io.hyperscalelab.execution.StatementResult;
import io.hyperscalelab.psql.ServerMessage;
import io.hyperscalelab.psql.SqlException;
import io.hyperscalelab.psql.SqlResult;
import io.hyperscalelab.psql.StatementRoute;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * One psql connection's statements through a {@link LearnerSession} over that connection,
 * its results and errors in psql's terms. Text holding several statements at once (which psql
 * sends only for {@code \;}) goes straight to the server, which runs them as one query string.
 */
final class ExecutorRoute implements StatementRoute {

    private final LearnerSession session;
    private final StatementRoute direct;
    private final Connection connection;
    private final Consumer<RanStatement> ran;

    ExecutorRoute(LearnerSession session, StatementRoute direct, Connection connection, Consumer<RanStatement> ran) {
        this.session = session;
        this.direct = direct;
        this.connection = connection;
        this.ran = ran;
    }

    @Override
    public List<SqlResult> execute(String sql, Consumer<ServerMessage> notices) throws SqlException {
        if (SqlScript.split(sql).size() != 1) {
            return direct.execute(sql, notices);
        }
        ExecutionResult result;
        try {
            result = session.execute(sql);
        } catch (StatementException e) {
            throw error(e);
        }
        for (Notice notice : result.result().notices()) {
            notices.accept(new ServerMessage(notice.severity(), notice.sqlState(), notice.message(), notice.detail(),
                    notice.hint(), 0, null, 0, notice.context()));
        }
        ran.accept(new RanStatement(sql.strip(), RanStatement.CLOUD_SHELL, Instant.now(), result.breakdown()));
        return List.of(psqlResult(result.result()));
    }

    @Override
    public void cancel() {
        session.cancel();
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (SQLException ignored) {
            // a broken connection has nothing left to release
        }
    }

    private static SqlResult psqlResult(StatementResult result) {
        if (result.columns().isEmpty()) {
            return new SqlResult.Command(result.commandTag());
        }
        List<SqlResult.Column> columns = result.columns().stream()
                .map((ResultColumn c) -> new SqlResult.Column(c.name(), c.type())).toList();
        return new SqlResult.Rows(columns, result.rows(), result.commandTag());
    }

    /**
     * The executor's error as psql shows it: its message and position (in the learner's text),
     * with the server's severity, context and internal query where the server sent them.
     */
    private SqlException error(StatementException e) {
        ServerErrorMessage server = e.getCause() instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
        boolean lost = isClosed() || server != null && "FATAL".equals(server.getSeverity());
        if (lost && server == null) {
            return SqlException.connectionLost(e);
        }
        String severity = server != null && server.getSeverity() != null ? server.getSeverity() : "ERROR";
        ServerMessage message = new ServerMessage(severity, e.getSQLState(), e.getMessage(), e.detail(), e.hint(), e.position(),
                server != null ? server.getInternalQuery() : null, server != null ? server.getInternalPosition() : 0,
                server != null ? server.getWhere() : null);
        return new SqlException(message, lost, e);
    }

    private boolean isClosed() {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
