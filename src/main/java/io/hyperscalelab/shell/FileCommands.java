package io.hyperscalelab.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** {@code ls}, {@code cat}, {@code head} and {@code rm} on the learner's home directory. */
final class FileCommands {

    private static final int TERMINAL_WIDTH = 80;
    private static final int PRINT_LIMIT = 64 * 1024;
    private static final DateTimeFormatter LS_TIME = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final HomeDirectory home;
    private final TerminalOutput out;

    FileCommands(HomeDirectory home, TerminalOutput out) {
        this.home = home;
        this.out = out;
    }

    void ls(List<String> args) {
        boolean longFormat = false;
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("-") && arg.length() > 1) {
                for (char flag : arg.substring(1).toCharArray()) {
                    switch (flag) {
                        case 'l' -> longFormat = true;
                        case 'a', 'h', '1', 't', 'r' -> { }
                        default -> {
                            out.write("ls: invalid option -- '" + flag + "'\nTry 'ls --help' for more information.\n");
                            return;
                        }
                    }
                }
            } else {
                names.add(arg);
            }
        }
        List<Path> shown = new ArrayList<>();
        if (names.isEmpty()) {
            try (Stream<Path> entries = Files.list(home.root())) {
                entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(shown::add);
            } catch (IOException e) {
                out.write("ls: cannot open directory '.': " + e.getMessage() + "\n");
                return;
            }
        } else {
            for (String name : names) {
                try {
                    Path file = home.resolve(name);
                    if (Files.exists(file)) {
                        shown.add(file);
                    } else {
                        out.write("ls: cannot access '" + name + "': No such file or directory\n");
                    }
                } catch (FileSystemException e) {
                    out.write("ls: cannot open directory '" + name + "': Permission denied\n");
                }
            }
        }
        if (longFormat) {
            longListing(shown, names.isEmpty());
        } else {
            columns(shown.stream().map(p -> p.getFileName().toString()).toList());
        }
    }

    private void longListing(List<Path> files, boolean withTotal) {
        long blocks = 0;
        int sizeWidth = 1;
        List<long[]> sizes = new ArrayList<>();
        for (Path file : files) {
            long size = sizeOf(file);
            blocks += (size + 4095) / 4096 * 4;
            sizeWidth = Math.max(sizeWidth, String.valueOf(size).length());
            sizes.add(new long[] {size});
        }
        StringBuilder sb = new StringBuilder();
        if (withTotal) {
            sb.append("total ").append(blocks).append('\n');
        }
        String user = home.root().getFileName().toString();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String modified;
            try {
                modified = LS_TIME.format(Files.getLastModifiedTime(file).toInstant());
            } catch (IOException e) {
                modified = "?";
            }
            sb.append("-rw-r--r-- 1 ").append(user).append(' ').append(user).append(' ')
                    .append(String.format(Locale.ROOT, "%" + sizeWidth + "d", sizes.get(i)[0])).append(' ')
                    .append(modified).append(' ').append(file.getFileName()).append('\n');
        }
        out.write(sb.toString());
    }

    /** ls's layout on a terminal: as many columns as fit in 80, filled top to bottom. */
    private void columns(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        for (int rows = 1; rows <= names.size(); rows++) {
            int cols = (names.size() + rows - 1) / rows;
            int[] widths = new int[cols];
            for (int i = 0; i < names.size(); i++) {
                widths[i / rows] = Math.max(widths[i / rows], names.get(i).length());
            }
            int total = 0;
            for (int c = 0; c < cols; c++) {
                total += widths[c] + (c < cols - 1 ? 2 : 0);
            }
            if (total <= TERMINAL_WIDTH || rows == names.size()) {
                StringBuilder sb = new StringBuilder();
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < cols; c++) {
                        int i = c * rows + r;
                        if (i >= names.size()) {
                            continue;
                        }
                        boolean last = c == cols - 1 || (c + 1) * rows + r >= names.size();
                        sb.append(names.get(i));
                        if (!last) {
                            sb.append(" ".repeat(widths[c] - names.get(i).length() + 2));
                        }
                    }
                    sb.append('\n');
                }
                out.write(sb.toString());
                return;
            }
        }
    }

    void cat(List<String> args) {
        for (String name : args) {
            Path file = readable("cat", name);
            if (file == null) {
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                byte[] start = in.readNBytes(PRINT_LIMIT);
                out.write(new String(start, StandardCharsets.UTF_8));
                if (in.read() >= 0) {
                    out.write("\n(Hyperscale Lab: printing stopped after 64 kB of " + Files.size(file) + " bytes; try head)\n");
                }
            } catch (IOException e) {
                out.write("cat: " + name + ": " + e.getMessage() + "\n");
            }
        }
    }

    void head(List<String> args) {
        int lines = 10;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("-n") && i + 1 < args.size()) {
                String count = args.get(++i);
                if (!count.matches("\\d{1,6}")) {
                    out.write("head: invalid number of lines: '" + count + "'\n");
                    return;
                }
                lines = Integer.parseInt(count);
            } else if (arg.matches("-n?\\d{1,6}")) {
                lines = Integer.parseInt(arg.replaceAll("\\D", ""));
            } else {
                names.add(arg);
            }
        }
        for (String name : names) {
            Path file = readable("head", name);
            if (file == null) {
                continue;
            }
            if (names.size() > 1) {
                out.write("==> " + name + " <==\n");
            }
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                StringBuilder sb = new StringBuilder();
                String line;
                for (int i = 0; i < lines && (line = reader.readLine()) != null; i++) {
                    sb.append(line).append('\n');
                }
                out.write(sb.toString());
            } catch (IOException e) {
                out.write("head: error reading '" + name + "': " + e.getMessage() + "\n");
            }
        }
    }

    void rm(List<String> args) {
        boolean force = false;
        List<String> names = new ArrayList<>();
        for (String arg : args) {
            if (arg.matches("-[frv]+")) {
                force |= arg.contains("f");
            } else {
                names.add(arg);
            }
        }
        if (names.isEmpty() && !force) {
            out.write("rm: missing operand\nTry 'rm --help' for more information.\n");
            return;
        }
        for (String name : names) {
            try {
                Path file = home.resolve(name);
                if (!Files.deleteIfExists(file) && !force) {
                    out.write("rm: cannot remove '" + name + "': No such file or directory\n");
                }
            } catch (FileSystemException e) {
                out.write("rm: cannot remove '" + name + "': Permission denied\n");
            } catch (IOException e) {
                out.write("rm: cannot remove '" + name + "': " + e.getMessage() + "\n");
            }
        }
    }

    private Path readable(String command, String name) {
        try {
            Path file = home.resolve(name);
            if (!Files.isRegularFile(file)) {
                out.write(command + ": " + (command.equals("head") ? "cannot open '" + name + "' for reading" : name)
                        + ": No such file or directory\n");
                return null;
            }
            return file;
        } catch (FileSystemException e) {
            out.write(command + ": " + (command.equals("head") ? "cannot open '" + name + "' for reading" : name)
                    + ": Permission denied\n");
            return null;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
