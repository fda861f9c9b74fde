package io.hyperscalelab.cluster;

/**
 * Client authentication rules (pg_hba.conf). Workers admit every role from loopback with a SCRAM
 * password. A coordinator is behind its group's {@link Firewall}: the product's superuser and its
 * read-only role from 127.0.0.1, and every other role over TLS from the addresses the firewall admits.
 */
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

    /**
     * A coordinator's rules. pg_hba.conf takes the first line that matches, so the product's roles'
     * lines come first: admitted from the product's address, refused from anywhere else even if
     * a firewall rule covers it. No line admits a connection without TLS for any other role.
     */
    static String coordinator(Firewall firewall, SourceAddresses addresses) {
        StringBuilder hba = new StringBuilder("""
                # Hyperscale Lab coordinator, written from the server group's firewall rules: edit those instead.
                # The product's own management connections: the superuser, from this machine only.
                host       all    %1$s    %2$s/32    scram-sha-256
                host       all    %1$s    all    reject
                # The product's read-only role (the lab's self-checks): over TLS, from this machine only.
                hostssl    all    %3$s    %2$s/32    scram-sha-256
                host       all    %3$s    all    reject
                """.formatted(NodeTemplates.SUPERUSER, addresses.product(), CatalogReader.ROLE));
        if (firewall.admitsAzureServices()) {
            hba.append("# Allow Azure services and resources to access this server group\n");
            line(hba, addresses.azureServices() + "/32");
        }
        for (FirewallRule rule : firewall.rules()) {
            if (!rule.standsForAzureServices()) {
                hba.append("# Firewall rule ").append(rule.name()).append(": ")
                        .append(rule.startIpAddress()).append(" - ").append(rule.endIpAddress()).append('\n');
                for (String block : Ipv4.cidrBlocks(Ipv4.parse(rule.startIpAddress()), Ipv4.parse(rule.endIpAddress()))) {
                    line(hba, block);
                }
            }
        }
        return hba.toString();
    }

    private static void line(StringBuilder hba, String cidr) {
        hba.append("hostssl    all    all    ").append(cidr).append("    scram-sha-256\n");
    }
}
