package io.hyperscalelab.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A coordinator's TLS certificate and key, self-signed, for CN localhost with the names a client
 * uses here (localhost, 127.0.0.1), written as the PEM files PostgreSQL reads. The JDK's keytool
 * makes the key pair (openssl is not on every machine, and the JDK has no public API for a
 * certificate); the PEM text is written here from the PKCS12 keystore keytool produced.
 */
record ServerCertificate(String certificatePem, String privateKeyPem) {

    private static final int VALIDITY_DAYS = 3650;

    /** Generates a new key pair and certificate. */
    static ServerCertificate generate() {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new ClusterException("Cannot make the coordinator's TLS certificate: " + keytool
                    + " is missing. Run the app on a full JDK, which has keytool.");
        }
        String storePassword = Passwords.generate();
        Path workDirectory = null;
        try {
            // a private temporary directory (mode 700) holds the keystore while keytool writes it
            workDirectory = Files.createTempDirectory("hyperscale-certificate-");
            Path keystore = workDirectory.resolve("server.p12");
            // EC P-256: a key in milliseconds where RSA's prime search takes a variable half second,
            // and a one-off tool gains nothing from the optimising compiler
            run(List.of(keytool.toString(), "-J-XX:TieredStopAtLevel=1", "-genkeypair", "-alias", "server",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity", String.valueOf(VALIDITY_DAYS), "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass:env", "HYPERSCALE_STORE_PASSWORD"), storePassword);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, storePassword.toCharArray());
            }
            PrivateKey key = (PrivateKey) store.getKey("server", storePassword.toCharArray());
            Certificate certificate = store.getCertificate("server");
            // getEncoded() of a private key is PKCS#8 DER, which PostgreSQL reads as "PRIVATE KEY"
            return new ServerCertificate(pem("CERTIFICATE", certificate.getEncoded()), pem("PRIVATE KEY", key.getEncoded()));
        } catch (IOException | GeneralSecurityException e) {
            throw new ClusterException("Cannot make the coordinator's TLS certificate: " + e.getMessage(), e);
        } finally {
            try {
                if (workDirectory != null) {
                    PostgresBinaries.deleteTree(workDirectory);
                }
            } catch (IOException e) {
                // the keystore's password existed only in this process; a leftover file is useless
            }
        }
    }

    @Override
    public String toString() {
        return "ServerCertificate[" + certificatePem.length() + " characters of certificate]";
    }

    private static void run(List<String> command, String storePassword) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the password travels in the environment, not on a command line that ps would show
        builder.environment().put("HYPERSCALE_STORE_PASSWORD", storePassword);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("keytool failed (exit " + process.exitValue() + "): " + output);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
