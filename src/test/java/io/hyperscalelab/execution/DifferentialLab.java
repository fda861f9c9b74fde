package io.hyperscalelab.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A server group and one plain PostgreSQL with the lab's tables and the same rows, for {@link LabDifferentialSuite}. */
interface DifferentialLab extends AutoCloseable {

    /** A learner session on the group, as the query editor opens one. */
    LearnerSession session() throws SQLException;

    /** Plain PostgreSQL; a plain Statement gets every value in the server's text form. */
    Connection plainPostgres() throws SQLException;

    /** The learner's role on the coordinator over plain JDBC, as psql would connect. */
    Connection coordinator() throws SQLException;

    /** Runs statements on both sides, the group's through a learner session. */
    default void onBoth(String... statements) throws Exception {
        try (LearnerSession session = session(); Connection plain = plainPostgres(); Statement s = plain.createStatement()) {
            for (String sql : statements) {
                session.execute(sql);
                s.execute(sql);
            }
        }
    }

    /** Whether Citus itself runs the group's statements (real Citus) rather than the portal's executor. */
    boolean realCitus();
}
