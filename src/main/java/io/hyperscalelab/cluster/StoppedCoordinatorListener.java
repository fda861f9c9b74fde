package io.hyperscalelab.cluster;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for a coordinator stopped for idleness, on its port: a client that connects (a
 * learner's own psql, an application) is answered in PostgreSQL's protocol, over TLS with the
 * coordinator's own certificate when it asks for TLS, with a FATAL error that says the group was
 * stopped and is starting now, and the group starts. libpq prints it as
 * {@code FATAL:  server group "x" was stopped after 30 minutes without activity and is starting now; connect again in a few seconds};
 * a plain "Connection refused" would say nothing of the kind. A client whose address the group's
 * firewall does not admit gets PostgreSQL's own refusal instead and starts nothing. No password
 * is asked for or read.
 */
final class StoppedCoordinatorListener implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StoppedCoordinatorListener.class);
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;
    /** 57P03 cannot_connect_now: what PostgreSQL itself answers while it starts up. */
    private static final String CANNOT_CONNECT_NOW = "57P03";
    /** 28000 invalid_authorization_specification: PostgreSQL's answer to an address pg_hba.conf does not admit. */
    private static final String NOT_ADMITTED = "28000";
    private static final int READ_TIMEOUT_MILLIS = 5_000;

    private final ServerSocket socket;
    private final SSLContext tls;
    private final String message;
    private final Predicate<String> admits;
    private final Runnable onConnection;

    private StoppedCoordinatorListener(ServerSocket socket, SSLContext tls, String message, Predicate<String> admits,
                                       Runnable onConnection) {
        this.socket = socket;
        this.tls = tls;
        this.message = message;
        this.admits = admits;
        this.onConnection = onConnection;
    }

    /**
     * Listens on the coordinator's port until closed; {@code onConnection} runs (on the listener's
     * thread) for every client that asks to connect from an address the firewall admits.
     *
     * @param dataDirectory the coordinator's, for its certificate and key
     * @param admits        whether the firewall admits a client address, e.g. "127.0.0.1"
     */
    static StoppedCoordinatorListener open(int port, Path dataDirectory, String message, Predicate<String> admits,
                                           Runnable onConnection) throws IOException {
        SSLContext tls = tlsOf(dataDirectory);
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        StoppedCoordinatorListener listener = new StoppedCoordinatorListener(server, tls, message, admits, onConnection);
        Thread thread = new Thread(listener::accept, "stopped-coordinator-" + port);
        thread.setDaemon(true);
        thread.start();
        return listener;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing the listener on {}: {}", socket.getLocalPort(), e.getMessage());
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            boolean admitted = false;
            try (Socket client = socket.accept()) {
                client.setSoTimeout(READ_TIMEOUT_MILLIS);
                admitted = answer(client);
            } catch (SocketException e) {
                return;  // closed: the coordinator is about to take its port back
            } catch (IOException | RuntimeException e) {
                log.debug("a client of a stopped coordinator: {}", e.getMessage());
            }
            if (admitted) {
                onConnection.run();
            }
        }
    }

    /** Answers one client; true when it asked to connect from an address the firewall admits. */
    private boolean answer(Socket client) throws IOException {
        Socket connection = client;
        while (true) {
            DataInputStream in = new DataInputStream(connection.getInputStream());
            int length = in.readInt();
            if (length < 8 || length > 10_000) {
                return false;
            }
            int code = in.readInt();
            byte[] body = in.readNBytes(length - 8);
            OutputStream out = connection.getOutputStream();
            if (code == SSL_REQUEST && tls != null && connection == client) {
                out.write('S');
                out.flush();
                SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client, null, client.getPort(), false);
                secure.setUseClientMode(false);
                secure.startHandshake();
                connection = secure;
            } else if (code == SSL_REQUEST || code == GSS_REQUEST) {
                out.write('N');
                out.flush();
            } else if (code == CANCEL_REQUEST) {
                return false;
            } else {
                String address = client.getInetAddress().getHostAddress();
                boolean admitted = admits.test(address);
                if (admitted) {
                    out.write(fatal(CANNOT_CONNECT_NOW, message));
                } else {
                    Map<String, String> startup = parameters(body);
                    out.write(fatal(NOT_ADMITTED, "no pg_hba.conf entry for host \"" + address + "\", user \""
                            + startup.getOrDefault("user", "") + "\", database \""
                            + startup.getOrDefault("database", startup.getOrDefault("user", "")) + "\", "
                            + (connection == client ? "no encryption" : "SSL encryption")));
                }
                out.flush();
                return admitted;
            }
        }
    }

    /** A StartupMessage's parameters: name and value pairs, each ended by a zero byte. */
    private static Map<String, String> parameters(byte[] body) {
        Map<String, String> parameters = new HashMap<>();
        String[] parts = new String(body, StandardCharsets.UTF_8).split("\0", -1);
        for (int i = 0; i + 1 < parts.length && !parts[i].isEmpty(); i += 2) {
            parameters.put(parts[i], parts[i + 1]);
        }
        return parameters;
    }

    /** An ErrorResponse: severity, code and message, as PostgreSQL sends one. */
    private static byte[] fatal(String sqlState, String message) {
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        field(fields, 'S', "FATAL");
        field(fields, 'V', "FATAL");
        field(fields, 'C', sqlState);
        field(fields, 'M', message);
        fields.write(0);
        byte[] body = fields.toByteArray();
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write('E');
        int length = body.length + 4;
        packet.write(length >>> 24);
        packet.write(length >>> 16);
        packet.write(length >>> 8);
        packet.write(length);
        packet.writeBytes(body);
        return packet.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, char type, String value) {
        out.write(type);
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write(0);
    }

    /** The coordinator's own certificate and key, so that a client that checks them sees the same server; null without them. */
    private static SSLContext tlsOf(Path dataDirectory) {
        try {
            Path crt = dataDirectory.resolve("server.crt");
            Path key = dataDirectory.resolve("server.key");
            if (!Files.exists(crt) || !Files.exists(key)) {
                return null;
            }
            Certificate certificate;
            try (InputStream in = Files.newInputStream(crt)) {
                certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            String pem = Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey privateKey = KeyFactory.getInstance(certificate.getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = new char[0];
            store.setKeyEntry("server", privateKey, password, new Certificate[] {certificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            log.warn("The stand-in for the stopped coordinator in {} speaks no TLS: {}", dataDirectory, e.getMessage());
            return null;
        }
    }
}
