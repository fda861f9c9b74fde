package io.hyperscalelab.psql;

/**
 * What psql shows of the server and session.
 *
 * @param version     server_version, e.g. {@code 18.6}
 * @param versionNum  server_version_num, e.g. {@code 180006}
 * @param ssl         e.g. {@code protocol: TLSv1.3, cipher: TLS_AES_256_GCM_SHA384, compression: off};
 *                    null when the connection is not encrypted
 */
public record ServerInfo(String version, int versionNum, String user, String database, boolean superuser,
                         String host, int port, String ssl) {
}
