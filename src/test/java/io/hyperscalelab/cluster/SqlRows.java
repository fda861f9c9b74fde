package io.hyperscalelab.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Query results as plain strings, so tests compare them with AssertJ's list assertions. */
public final class SqlRows {

    private SqlRows() {
    }

    /** Each row as its columns' text (null for SQL NULL), in the order returned. */
    public static List<List<String>> table(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int column = 1; column <= columns; column++) {
                    row.add(rs.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Each row as its columns' text joined by " | " (SQL NULL shows as "null"), in the order returned. */
    static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    if (column > 1) {
                        row.append(" | ");
                    }
                    row.append(rs.getString(column));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    /** The rows sorted, for results whose order SQL does not fix (ties, or no ORDER BY). */
    static List<String> sortedRows(Connection connection, String sql) throws SQLException {
        List<String> rows = rows(connection, sql);
        rows.sort(null);
        return rows;
    }

    /** The first column of the first row, for queries that return one value. */
    public static String value(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row from: " + sql);
            }
            return rs.getString(1);
        }
    }

    static long longValue(Connection connection, String sql) throws SQLException {
        return Long.parseLong(value(connection, sql));
    }

    /** Runs statements that return no rows we need. */
    static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Runs one statement that must fail and returns what the server said (message, detail, SQLSTATE). */
    static ServerErrorMessage serverError(Connection connection, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (PSQLException e) {
            if (e.getServerErrorMessage() == null) {
                throw new AssertionError("failed without a server error: " + sql, e);
            }
            return e.getServerErrorMessage();
        } catch (SQLException e) {
            throw new AssertionError("failed, but not with a PostgreSQL error: " + sql, e);
        }
        throw new AssertionError("expected an error from: " + sql);
    }
}
