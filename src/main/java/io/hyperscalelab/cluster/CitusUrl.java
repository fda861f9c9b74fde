package io.hyperscalelab.cluster;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a real Citus coordinator is and whom to connect as, from the URL in any of the forms
 * people copy (Azure's portal gives all three): a libpq URI
 * {@code postgresql://user:password@host:5432/citus?sslmode=require}, a JDBC URL
 * {@code jdbc:postgresql://host:5432/citus?sslmode=require}, or libpq's keywords
 * {@code host=... port=5432 dbname=citus user=citus sslmode=require}. The port defaults to 5432
 * and the database to the user's name, as libpq's do; every other parameter is handed to pgjdbc.
 * A bad URL is refused with what is wrong; the password never appears in a message.
 */
public record CitusUrl(String host, int port, String database, String user, String password, Map<String, String> parameters) {

    private static final String FORMS = "Use postgresql://user:password@host:5432/citus, jdbc:postgresql://host:5432/citus "
            + "or host=... port=5432 dbname=citus user=...";
    private static final Pattern URI = Pattern.compile(
            "(?:jdbc:)?postgres(?:ql)?://(?:([^:@/]*)(?::([^@/]*))?@)?(\\[[^\\]]+\\]|[^:/?]*)(?::([^/?]*))?(?:/([^?]*))?(?:\\?(.*))?");
    private static final Pattern KEYWORD = Pattern.compile("\\s*(\\w+)\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'|\\S*)");

    public CitusUrl {
        parameters = Map.copyOf(parameters);
    }

    /**
     * @param username overrides the URL's user when set
     * @param password overrides the URL's password when set
     * @throws ClusterException saying what is wrong with the URL
     */
    public static CitusUrl parse(String url, String username, String password) {
        if (url == null || url.isBlank()) {
            throw new ClusterException("hyperscale.citus.url is empty. " + FORMS + ".");
        }
        String text = url.strip();
        Map<String, String> values = text.contains("://") ? uri(text) : keywords(text);
        String user = present(username) ? username : values.remove("user");
        String secret = present(password) ? password : values.remove("password");
        values.remove("user");
        values.remove("password");
        String host = values.remove("host");
        String portText = values.remove("port");
        String database = values.remove("dbname");
        if (!present(host)) {
            throw new ClusterException("hyperscale.citus.url " + redacted(text) + " names no host. " + FORMS + ".");
        }
        int port = 5432;
        if (present(portText)) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new ClusterException("hyperscale.citus.url " + redacted(text) + " has the port \"" + portText
                        + "\"; a port is a number from 1 to 65535.");
            }
        }
        if (!present(user)) {
            throw new ClusterException("hyperscale.citus.url " + redacted(text) + " names no user: put it in the URL "
                    + "(postgresql://user@host/...) or set hyperscale.citus.username.");
        }
        return new CitusUrl(host, port, present(database) ? database : user, user, secret, values);
    }

    /** The JDBC URL of the coordinator's database, with the URL's own parameters (sslmode, ...). */
    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host.contains(":") && !host.startsWith("[")
                ? "[" + host + "]" : host).append(':').append(port).append('/').append(encode(database));
        char separator = '?';
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            url.append(separator).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    /** {@code user@host:port/database}, as messages and the settings page name the cluster. */
    public String endpoint() {
        return user + "@" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "CitusUrl[" + endpoint() + ", parameters=" + parameters + "]";
    }

    /** The URL with any password replaced, for messages and logs. */
    static String redacted(String url) {
        return url.replaceAll("(://[^:@/]*:)[^@/]*@", "$1***@").replaceAll("(?i)(password\\s*=\\s*)('(?:[^'\\\\]|\\\\.)*'|[^\\s&]*)", "$1***");
    }

    private static Map<String, String> uri(String text) {
        Matcher m = URI.matcher(text);
        if (!m.matches()) {
            throw new ClusterException("hyperscale.citus.url " + redacted(text) + " is not a PostgreSQL URL. " + FORMS + ".");
        }
        Map<String, String> values = new LinkedHashMap<>();
        put(values, "user", decode(m.group(1)));
        put(values, "password", decode(m.group(2)));
        String host = m.group(3);
        put(values, "host", host != null && host.startsWith("[") ? host.substring(1, host.length() - 1) : decode(host));
        put(values, "port", m.group(4));
        put(values, "dbname", decode(m.group(5)));
        if (m.group(6) != null) {
            for (String pair : m.group(6).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    put(values, decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return values;
    }

    private static Map<String, String> keywords(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = KEYWORD.matcher(text);
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            String value = m.group(2);
            if (value.startsWith("'")) {
                value = value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
            }
            put(values, m.group(1).toLowerCase(java.util.Locale.ROOT), value);
            at = m.end();
        }
        if (!text.substring(at).isBlank()) {
            throw new ClusterException("hyperscale.citus.url " + redacted(text) + " is not a PostgreSQL URL. " + FORMS + ".");
        }
        return values;
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (present(value)) {
            values.put(key, value);
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String decode(String value) {
        return value == null ? null : URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
