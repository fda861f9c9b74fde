package io.hyperscalelab.classroom;

import java.util.List;

/**
 * The generated learners' credentials of a class, as the instructor hands them out: a CSV file
 * (one row per seat, RFC 4180) and the same lines for the printable sheet.
 *
 * @param portalAddress where learners open the portal, e.g. {@code http://lab.example.org:8080}
 */
public record CredentialSheet(Classroom classroom, List<Credential> credentials, String portalAddress) {

    public static final String CSV_HEADER = "seat,username,password,class,class code,portal";

    public CredentialSheet {
        credentials = List.copyOf(credentials);
    }

    public String csv() {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        for (Credential c : credentials) {
            out.append(c.seat()).append(',').append(field(c.username())).append(',').append(field(c.password())).append(',')
                    .append(field(classroom.name())).append(',').append(field(classroom.code())).append(',')
                    .append(field(portalAddress)).append("\r\n");
        }
        return out.toString();
    }

    /** The file name offered for download: the class's name in safe characters. */
    public String csvFileName() {
        String safe = classroom.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return (safe.isEmpty() ? "class" : safe) + "-credentials.csv";
    }

    /**
     * A field as RFC 4180 writes it, and safe to open in a spreadsheet: a value that a
     * spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
     */
    static String field(String value) {
        String text = value.isEmpty() || "=+-@".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
