package io.hyperscalelab.psql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * libpq's two forms of connection string, {@code keyword=value ...} (values quoted with single
 * quotes, backslash escapes) and {@code postgresql://user:password@host:port/dbname?param=value},
 * parsed the way libpq parses them and refused with libpq's own messages.
 */
public final class ConnectionString {

    /** libpq 15's connection keywords. */
    static final Set<String> KEYWORDS = Set.of("service", "user", "password", "passfile", "channel_binding",
            "connect_timeout", "dbname", "host", "hostaddr", "port", "client_encoding", "options", "application_name",
            "fallback_application_name", "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count",
            "tcp_user_timeout", "sslmode", "sslcompression", "sslcert", "sslkey", "sslpassword", "sslrootcert", "sslcrl",
            "sslcrldir", "sslsni", "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "gssencmode",
            "krbsrvname", "gsslib", "replication", "target_session_attrs");

    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private ConnectionString() {
    }

    /** What psql takes for a connection string rather than a database name. */
    public static boolean looksLikeOne(String argument) {
        return argument.startsWith("postgresql://") || argument.startsWith("postgres://") || argument.indexOf('=') >= 0;
    }

    /** The keyword/value pairs, in the order given (a later repeat wins, as in libpq). */
    public static Map<String, String> parse(String text) throws ConnectionStringException {
        Map<String, String> options = text.startsWith("postgresql://") || text.startsWith("postgres://")
                ? parseUri(text) : parseKeywords(text);
        validate(options);
        return options;
    }

    private static Map<String, String> parseKeywords(String text) throws ConnectionStringException {
        Map<String, String> options = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (isSpace(text.charAt(i))) {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < n && text.charAt(i) != '=' && !isSpace(text.charAt(i))) {
                i++;
            }
            String name = text.substring(nameStart, i);
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            if (i >= n || text.charAt(i) != '=') {
                throw new ConnectionStringException("missing \"=\" after \"" + name + "\" in connection info string");
            }
            i++;
            while (i < n && isSpace(text.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && text.charAt(i) == '\'') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new ConnectionStringException("unterminated quoted string in connection info string");
                    }
                    char c = text.charAt(i);
                    if (c == '\\') {
                        i++;
                        if (i < n) {
                            value.append(text.charAt(i++));
                        }
                    } else if (c == '\'') {
                        i++;
                        break;
                    } else {
                        value.append(c);
                        i++;
                    }
                }
            } else {
                while (i < n && !isSpace(text.charAt(i))) {
                    char c = text.charAt(i++);
                    if (c == '\\') {
                        if (i < n) {
                            value.append(text.charAt(i++));
                        }
                    } else {
                        value.append(c);
                    }
                }
            }
            store(options, name, value.toString());
        }
        return options;
    }

    private static Map<String, String> parseUri(String uri) throws ConnectionStringException {
        Map<String, String> options = new LinkedHashMap<>();
        String rest = uri.substring(uri.indexOf("://") + 3);
        int query = rest.indexOf('?');
        String parameters = query >= 0 ? rest.substring(query + 1) : null;
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        int slash = rest.indexOf('/');
        String authority = slash >= 0 ? rest.substring(0, slash) : rest;
        if (slash >= 0 && slash + 1 < rest.length()) {
            options.put("dbname", decode(rest.substring(slash + 1)));
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String user = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
            if (!user.isEmpty()) {
                options.put("user", decode(user));
            }
            if (colon >= 0) {
                options.put("password", decode(userInfo.substring(colon + 1)));
            }
        }
        String host = authority;
        String port = null;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0) {
                throw new ConnectionStringException("end of string reached when looking for matching \"]\" in IPv6 host address in URI: \""
                        + uri + "\"");
            }
            String after = host.substring(close + 1);
            host = host.substring(1, close);
            if (after.startsWith(":")) {
                port = after.substring(1);
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0) {
                port = host.substring(colon + 1);
                host = host.substring(0, colon);
            }
        }
        if (!host.isEmpty()) {
            options.put("host", decode(host));
        }
        if (port != null && !port.isEmpty()) {
            options.put("port", decode(port));
        }
        if (parameters != null) {
            for (String parameter : parameters.split("&", -1)) {
                int eq = parameter.indexOf('=');
                if (eq < 0) {
                    throw new ConnectionStringException("missing key/value separator \"=\" in URI query parameter: \"" + parameter + "\"");
                }
                if (parameter.indexOf('=', eq + 1) >= 0) {
                    throw new ConnectionStringException("extra key/value separator \"=\" in URI query parameter: \""
                            + parameter.substring(0, eq) + "\"");
                }
                String name = decode(parameter.substring(0, eq));
                String value = decode(parameter.substring(eq + 1));
                if (name.equals("ssl") && value.equals("true")) {
                    name = "sslmode";
                    value = "require";
                }
                if (!KEYWORDS.contains(name)) {
                    throw new ConnectionStringException("invalid URI query parameter: \"" + name + "\"");
                }
                options.put(name, value);
            }
        }
        return options;
    }

    private static String decode(String text) throws ConnectionStringException {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new ConnectionStringException("invalid percent-encoded token: \"" + text + "\"");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new ConnectionStringException("invalid percent-encoded token: \"" + text + "\"");
                }
                int b = hi * 16 + lo;
                if (b == 0) {
                    throw new ConnectionStringException("forbidden value %00 in percent-encoded value: \"" + text + "\"");
                }
                bytes.write(b);
                i += 3;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
                i++;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void store(Map<String, String> options, String name, String value) throws ConnectionStringException {
        if (!KEYWORDS.contains(name)) {
            throw new ConnectionStringException("invalid connection option \"" + name + "\"");
        }
        options.remove(name);
        options.put(name, value);
    }

    /** Checks libpq makes before it opens a socket. */
    static void validate(Map<String, String> options) throws ConnectionStringException {
        String port = options.get("port");
        if (port != null && !port.isEmpty()) {
            String trimmed = port.strip();
            if (!trimmed.matches("[+-]?\\d{1,9}")) {
                throw new ConnectionStringException("invalid integer value \"" + port + "\" for connection option \"port\"");
            }
            int value = Integer.parseInt(trimmed);
            if (value < 1 || value > 65535) {
                throw new ConnectionStringException("invalid port number: \"" + port + "\"");
            }
        }
        String sslmode = options.get("sslmode");
        if (sslmode != null && !SSL_MODES.contains(sslmode)) {
            throw new ConnectionStringException("invalid sslmode value: \"" + sslmode + "\"");
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
