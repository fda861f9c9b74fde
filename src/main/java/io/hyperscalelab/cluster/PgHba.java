package io.hyperscalelab.cluster;

/** Client authentication rules: every role, from loopback only, with a SCRAM password. */
final class PgHba {

    private PgHba() {
    }

    static String loopbackOnly() {
        return """
                # Hyperscale Lab: loopback clients only, always with a password (SCRAM).
                host    all    all    127.0.0.1/32    scram-sha-256
                host    all    all    ::1/128         scram-sha-256
                """;
    }
}
