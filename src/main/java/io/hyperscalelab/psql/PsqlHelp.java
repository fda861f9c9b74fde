package io.hyperscalelab.psql;

/** Help texts, in psql's layout, for the commands this psql has. */
final class PsqlHelp {

    static final String COMMANDS = """
            General
              \\q                     quit psql

            Help
              \\? [commands]          show help on backslash commands
              \\h [NAME]              help on syntax of SQL commands

            Query Buffer
              \\g                     execute query (and send results to file or |pipe)
              \\p                     show the contents of the query buffer
              \\r                     reset (clear) the query buffer

            Input/Output
              \\copy ...              perform SQL COPY with data stream to the client host
              \\echo [-n] [STRING]    write string to standard output (-n for no newline)

            Informational
              (options: S = show system objects, + = additional detail)
              \\d[S+]                 list tables, views, and sequences
              \\d[S+]  NAME           describe table, view, sequence, or index
              \\di[S+] [PATTERN]      list indexes
              \\dn[S+] [PATTERN]      list schemas
              \\ds[S+] [PATTERN]      list sequences
              \\dt[S+] [PATTERN]      list tables
              \\du[S+] [PATTERN]      list roles
              \\dv[S+] [PATTERN]      list views
              \\dx[+]  [PATTERN]      list extensions
              \\l[+]   [PATTERN]      list databases

            Formatting
              \\pset [NAME [VALUE]]   set table output option
              \\x [on|off|auto]       toggle expanded output (currently off)

            Connection
              \\conninfo              display information about current connection

            Operating System
              \\timing [on|off]       toggle timing of commands (currently off)
              \\! [COMMAND]           execute command in shell or start interactive shell

            """;

    static final String SQL = """
            This psql has no SQL syntax help. The PostgreSQL documentation describes every command:
            https://www.postgresql.org/docs/current/sql-commands.html
            """;

    private PsqlHelp() {
    }
}
