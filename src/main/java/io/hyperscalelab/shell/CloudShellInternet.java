package io.hyperscalelab.shell;

import io.hyperscalelab.data.DatasetSize;
import io.hyperscalelab.data.LabDataFiles;
import io.hyperscalelab.data.LabDataPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of the internet the Cloud Shell reaches: {@code ifconfig.co}, which answers with the
 * shell's own address (the one a firewall rule must allow), and {@code examples.citusdata.com},
 * which serves the lab's users.csv and events.csv, generated on this machine. Every other host
 * does not resolve, as on a machine without network.
 */
public final class CloudShellInternet {

    private static final Pattern URL = Pattern.compile("(?:([A-Za-z][A-Za-z0-9+.-]*)://)?([^/?#:]*)(?::(\\d*))?([^?#]*)(.*)",
            Pattern.DOTALL);
    private static final String NOT_FOUND = """
            <html>
            <head><title>404 Not Found</title></head>
            <body>
            <center><h1>404 Not Found</h1></center>
            </body>
            </html>
            """;

    private final String shellAddress;
    private final Supplier<LabDataPaths> labFiles;

    /**
     * @param shellAddress the Cloud Shell's address as the database servers see it
     * @param labFiles     the lab's files, generated on first use
     */
    public CloudShellInternet(String shellAddress, Supplier<LabDataPaths> labFiles) {
        this.shellAddress = shellAddress;
        this.labFiles = labFiles;
    }

    /** The lab's files at {@code size}, from {@code files}' cache. */
    public static Supplier<LabDataPaths> labFiles(LabDataFiles files, DatasetSize size) {
        return () -> {
            try {
                return files.materialise(size);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    public String shellAddress() {
        return shellAddress;
    }

    Download fetch(String url) throws CurlException {
        Matcher m = URL.matcher(url.strip());
        if (url.isBlank() || !m.matches() || m.group(2).isEmpty()) {
            throw new CurlException(3, "URL using bad/illegal format or missing URL");
        }
        String scheme = m.group(1) == null ? "http" : m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new CurlException(1, "Protocol \"" + m.group(1) + "\" not supported or disabled in libcurl");
        }
        String host = m.group(2).toLowerCase(Locale.ROOT);
        String path = m.group(4);
        return switch (host) {
            case "ifconfig.co", "ifconfig.me", "icanhazip.com" -> Download.of(shellAddress + "\n");
            case "examples.citusdata.com" -> labFile(path);
            default -> throw new CurlException(6, "Could not resolve host: " + m.group(2));
        };
    }

    private Download labFile(String path) throws CurlException {
        String name = path.replaceFirst("^/(tutorial/)?", "");
        if (!name.equals(LabDataFiles.USERS_FILE) && !name.equals(LabDataFiles.EVENTS_FILE)) {
            return Download.of(NOT_FOUND);
        }
        LabDataPaths files;
        try {
            files = labFiles.get();
        } catch (UncheckedIOException e) {
            throw new CurlException(56, "Failure when receiving data from the peer");
        }
        return new Download(name.equals(LabDataFiles.USERS_FILE) ? files.users() : files.events(), null, true);
    }

    /** The last path segment of {@code url}, curl's {@code -O} name; empty when there is none. */
    static String remoteName(String url) {
        Matcher m = URL.matcher(url.strip());
        if (!m.matches()) {
            return "";
        }
        String path = m.group(4);
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
