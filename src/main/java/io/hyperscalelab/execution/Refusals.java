package io.hyperscalelab.execution;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the portal adds to PostgreSQL's refusals of a learner's statement: which of the product's
 * rules refused it and why, in the error's hint, after PostgreSQL's own. PostgreSQL's message
 * stays as it is. A learner's SQL runs as the group's non-superuser role {@code citus}, so the
 * server itself refuses what the rules forbid; this class only explains.
 */
final class Refusals {

    private record Rule(Pattern message, String explanation) {
    }

    static final String SERVER_FILES = "Your statements run as the role citus, which may not read or write files on the "
            + "server: the server is shared by every learner on this machine.";
    static final String COPY_FILE = SERVER_FILES + " In the Cloud Shell, psql's \\copy reads and writes files in your home "
            + "directory.";
    static final String PROGRAM = "Your statements run as the role citus, which may not run programs on the server. In "
            + "the Cloud Shell, psql's \\copy ... FROM PROGRAM 'curl ...' runs the program in your shell.";
    static final String CONNECTIONS = "Your coordinator opens no connections for you: no SQL reaches another server "
            + "group, or any other server on this machine. run_command_on_workers reaches your own workers.";
    static final String METADATA = "The Citus metadata (the pg_dist_* tables, the schemas citus_internal and "
            + "citus_shard, the citus extension's functions) is kept by the product: change it through Citus' functions, "
            + "such as create_distributed_table and undistribute_table.";

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("^permission denied to COPY (to|from) a file"), COPY_FILE),
            new Rule(Pattern.compile("^(permission denied to|must be superuser to) COPY to or from an external program"), PROGRAM),
            new Rule(Pattern.compile("^permission denied for function "
                    + "(pg_read_file|pg_read_binary_file|pg_ls_\\w+|pg_stat_file|lo_import|lo_export)$"), SERVER_FILES),
            new Rule(Pattern.compile("^permission denied for (function dblink\\w*|foreign-data wrapper \\w+)$"), CONNECTIONS),
            new Rule(Pattern.compile("^(permission denied for (table|sequence|view) pg_dist_\\w+"
                    + "|permission denied for (table|sequence|function|schema) citus_(internal|shard)\\b.*"
                    + "|permission denied for schema (pg_catalog|citus_internal|citus_shard)"
                    + "|must be owner of (table|view|sequence|function|extension|schema|event trigger|foreign table) "
                    + "(pg_dist_\\w+|citus\\w*|citus_internal.*|citus_shard.*|create_distributed_table|undistribute_table"
                    + "|run_command_on_\\w+|citus_add_node|master_\\w+))"), METADATA));

    private Refusals() {
    }

    /** The product's explanation of a refusal, when it has one. */
    static Optional<String> explanation(String message) {
        if (message == null) {
            return Optional.empty();
        }
        return RULES.stream().filter(rule -> rule.message().matcher(message).find()).map(Rule::explanation).findFirst();
    }

    /** The error with the product's explanation after PostgreSQL's own hint, or as it was. */
    static StatementException explained(StatementException e) {
        return explanation(e.getMessage()).map(explanation -> {
            String hint = e.hint() == null || e.hint().isBlank() ? explanation : e.hint() + " " + explanation;
            StatementException explained = new StatementException(e.getMessage(), e.getSQLState(), e.detail(), hint,
                    e.position(), e.worker(), e.getCause());
            explained.setStackTrace(e.getStackTrace());
            return explained;
        }).orElse(e);
    }
}
