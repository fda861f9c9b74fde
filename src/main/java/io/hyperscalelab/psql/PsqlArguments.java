package io.hyperscalelab.psql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * psql's command line: {@code -h -p -U -d -W}, a database name or connection string, a user
 * name; the libpq defaults for what is left out.
 *
 * @param options    libpq keywords and values, as given
 * @param warnings   psql's warnings about ignored arguments
 * @param forcePassword {@code -W}: ask for the password before connecting
 */
record PsqlArguments(Map<String, String> options, List<String> warnings, boolean forcePassword) {

    static final String HINT = "psql: hint: Try \"psql --help\" for more information.";
    private static final String PROGRAM = "/usr/lib/postgresql/15/bin/psql";

    static PsqlArguments parse(List<String> args) throws UsageException, ConnectionStringException {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean forcePassword = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String keyword = switch (arg) {
                case "-h", "--host" -> "host";
                case "-p", "--port" -> "port";
                case "-U", "--username" -> "user";
                case "-d", "--dbname" -> "dbname";
                default -> null;
            };
            if (keyword != null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg.startsWith("--")
                            ? PROGRAM + ": option '" + arg + "' requires an argument"
                            : PROGRAM + ": option requires an argument -- '" + arg.substring(1) + "'");
                }
                options.put(keyword, args.get(++i));
            } else if (arg.startsWith("--") && arg.contains("=")) {
                String name = arg.substring(2, arg.indexOf('='));
                String value = arg.substring(arg.indexOf('=') + 1);
                String mapped = switch (name) {
                    case "host" -> "host";
                    case "port" -> "port";
                    case "username" -> "user";
                    case "dbname" -> "dbname";
                    default -> throw new UsageException(PROGRAM + ": unrecognized option '--" + name + "'");
                };
                options.put(mapped, value);
            } else if (arg.equals("-W") || arg.equals("--password")) {
                forcePassword = true;
            } else if (arg.equals("-X") || arg.equals("--no-psqlrc") || arg.equals("-w") || arg.equals("--no-password")
                    || arg.equals("-q") || arg.equals("--quiet")) {
                // accepted; nothing to change here
            } else if (arg.startsWith("--")) {
                throw new UsageException(PROGRAM + ": unrecognized option '" + arg + "'");
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException(PROGRAM + ": invalid option -- '" + arg.charAt(1) + "'");
            } else {
                positional.add(arg);
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        if (!positional.isEmpty()) {
            String first = positional.get(0);
            if (options.get("dbname") == null) {
                options.put("dbname", first);
            } else {
                warnings.add("psql: warning: extra command-line argument \"" + first + "\" ignored");
            }
            if (positional.size() > 1) {
                if (options.get("user") == null) {
                    options.put("user", positional.get(1));
                } else {
                    warnings.add("psql: warning: extra command-line argument \"" + positional.get(1) + "\" ignored");
                }
            }
            for (int i = 2; i < positional.size(); i++) {
                warnings.add("psql: warning: extra command-line argument \"" + positional.get(i) + "\" ignored");
            }
        }
        String dbname = options.remove("dbname");
        // a dbname that is a connection string expands in place; later options override it
        if (dbname != null && ConnectionString.looksLikeOne(dbname)) {
            result.putAll(ConnectionString.parse(dbname));
        } else if (dbname != null) {
            result.put("dbname", dbname);
        }
        result.putAll(options);
        ConnectionString.validate(result);
        return new PsqlArguments(result, List.copyOf(warnings), forcePassword);
    }

    /** libpq's defaults applied: port 5432, the OS user, a database named after the user. */
    ConnectionRequest request(String osUser) {
        String user = nonEmpty(options.get("user"), osUser);
        return new ConnectionRequest(nonEmpty(options.get("host"), ""), Integer.parseInt(nonEmpty(options.get("port"), "5432").strip()),
                nonEmpty(options.get("dbname"), user), user, options.get("password"),
                nonEmpty(options.get("sslmode"), "prefer"), nonEmpty(options.get("application_name"), "psql"));
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
