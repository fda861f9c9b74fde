package io.hyperscalelab.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code curl} as the lab uses it: {@code -s}, {@code -S}, {@code -O}, {@code -o FILE},
 * {@code -L}, one URL, to the terminal, to a file in the home, or to a pipe (psql's
 * {@code FROM PROGRAM}), with curl's progress meter and curl's error messages.
 */
final class Curl {

    private static final String TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

    /** A parsed command line. */
    record Request(String url, boolean silent, boolean showError, boolean remoteName, String output) {
    }

    private final CloudShellInternet internet;
    private final HomeDirectory home;
    private final TerminalOutput terminal;
    private final Runnable labDataNotice;

    Curl(CloudShellInternet internet, HomeDirectory home, TerminalOutput terminal, Runnable labDataNotice) {
        this.internet = internet;
        this.home = home;
        this.terminal = terminal;
        this.labDataNotice = labDataNotice;
    }

    /** Parses curl's arguments; prints curl's complaint and returns null when they are wrong. */
    Request parse(List<String> args) {
        String url = null;
        boolean silent = false;
        boolean showError = false;
        boolean remoteName = false;
        String output = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                switch (arg) {
                    case "--silent" -> silent = true;
                    case "--show-error" -> showError = true;
                    case "--remote-name" -> remoteName = true;
                    case "--location", "--fail", "--insecure", "--compressed" -> { }
                    case "--output" -> {
                        if (i + 1 >= args.size()) {
                            terminal.write("curl: option --output: requires parameter\n" + TRY_HELP);
                            return null;
                        }
                        output = args.get(++i);
                    }
                    default -> {
                        terminal.write("curl: option " + arg + ": is unknown\n" + TRY_HELP);
                        return null;
                    }
                }
            } else if (arg.startsWith("-") && arg.length() > 1) {
                for (int j = 1; j < arg.length(); j++) {
                    char flag = arg.charAt(j);
                    switch (flag) {
                        case 's' -> silent = true;
                        case 'S' -> showError = true;
                        case 'O' -> remoteName = true;
                        case 'L', 'f', 'k' -> { }
                        case 'o' -> {
                            if (j + 1 < arg.length()) {
                                output = arg.substring(j + 1);
                            } else if (i + 1 < args.size()) {
                                output = args.get(++i);
                            } else {
                                terminal.write("curl: option -o: requires parameter\n" + TRY_HELP);
                                return null;
                            }
                            j = arg.length();
                        }
                        default -> {
                            terminal.write("curl: option -" + flag + ": is unknown\n" + TRY_HELP);
                            return null;
                        }
                    }
                }
            } else {
                url = arg;
            }
        }
        if (url == null) {
            terminal.write("curl: no URL specified!\n" + TRY_HELP);
            return null;
        }
        return new Request(url, silent, showError, remoteName, output);
    }

    /** {@code curl ...} typed at the prompt: the body goes to the terminal or to a file. */
    void run(List<String> args) {
        Request request = parse(args);
        if (request == null) {
            return;
        }
        String target = request.output();
        if (request.remoteName() && target == null) {
            target = CloudShellInternet.remoteName(request.url());
            if (target.isEmpty()) {
                terminal.write("curl: Remote file name has no length!\ncurl: (23) Failed writing received data to disk/application\n");
                return;
            }
        }
        if (target == null) {
            toTerminal(request);
        } else {
            toFile(request, target);
        }
    }

    /**
     * {@code curl ...} with its output into a pipe: the body as a stream, the meter on the
     * terminal. Returns null when the transfer failed (the error is on the terminal).
     */
    InputStream toPipe(List<String> args) {
        Request request = parse(args);
        if (request == null) {
            return null;
        }
        try {
            Download download = internet.fetch(request.url());
            noticeIfLabData(download);
            long size = download.size();
            ProgressMeter meter = request.silent() ? null : new ProgressMeter(terminal, size);
            return new MeteredInputStream(download.open(), meter, true);
        } catch (CurlException e) {
            reportError(request, e);
            return null;
        } catch (IOException e) {
            reportError(request, new CurlException(56, "Failure when receiving data from the peer"));
            return null;
        }
    }

    private void toTerminal(Request request) {
        try {
            Download download = internet.fetch(request.url());
            noticeIfLabData(download);
            if (download.labData()) {
                // a lab file is tens of megabytes: print its start, not all of it
                try (InputStream in = download.open()) {
                    byte[] head = in.readNBytes(4096);
                    terminal.write(new String(head, StandardCharsets.UTF_8));
                    terminal.write("\n(Hyperscale Lab: printing stopped after 4 kB of " + download.size()
                            + " bytes; save the file with curl -O instead)\n");
                }
            } else {
                terminal.write(new String(download.body(), StandardCharsets.UTF_8));
            }
        } catch (CurlException e) {
            reportError(request, e);
        } catch (IOException e) {
            reportError(request, new CurlException(56, "Failure when receiving data from the peer"));
        }
    }

    private void toFile(Request request, String name) {
        Path file;
        try {
            file = home.resolve(name);
        } catch (FileSystemException e) {
            if (!request.silent()) {
                terminal.write("Warning: Failed to open the file " + name + ": Permission denied\n");
            }
            terminal.write("curl: (23) Failure writing output to destination\n");
            return;
        }
        ProgressMeter meter = request.silent() ? null : new ProgressMeter(terminal, 0);
        try {
            Download download = internet.fetch(request.url());
            long size = download.size();
            if (meter != null) {
                meter.total(size);
            }
            // a new file each time: the home may hold a link to the shared cached copy
            Files.deleteIfExists(file);
            if (!link(download, file)) {
                try (InputStream in = download.open(); OutputStream out = Files.newOutputStream(file)) {
                    new MeteredInputStream(in, meter, false).transferTo(out);
                }
            }
            if (meter != null) {
                meter.finish(size);
            }
            noticeIfLabData(download);
        } catch (CurlException e) {
            reportError(request, e);
        } catch (IOException e) {
            reportError(request, new CurlException(23, "Failure writing output to destination"));
        }
    }

    /** A generated lab file is linked into the home rather than copied (they are large and read-only). */
    private static boolean link(Download download, Path file) {
        if (download.file() == null) {
            return false;
        }
        try {
            Files.createLink(file, download.file());
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void noticeIfLabData(Download download) {
        if (download.labData()) {
            labDataNotice.run();
        }
    }

    private void reportError(Request request, CurlException e) {
        if (!request.silent() || request.showError()) {
            terminal.write(e.curlMessage() + "\n");
        }
    }

    /** Counts the bytes read and keeps the meter up to date. */
    private static final class MeteredInputStream extends java.io.FilterInputStream {
        private final ProgressMeter meter;
        private long received;
        private boolean finished;

        /** @param finishAtEnd draw the meter's last line when the body ends */
        MeteredInputStream(InputStream in, ProgressMeter meter, boolean finishAtEnd) {
            super(in);
            this.meter = meter;
            this.finished = !finishAtEnd;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                received += n;
                if (meter != null) {
                    meter.update(received);
                }
            } else if (n < 0 && meter != null && !finished) {
                finished = true;
                meter.finish(received);
            }
            return n;
        }
    }
}
