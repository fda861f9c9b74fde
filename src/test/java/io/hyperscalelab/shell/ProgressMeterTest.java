package io.hyperscalelab.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The progress meter against the real curl's for the same download, figures of time and speed aside. */
class ProgressMeterTest {

    @Test
    void drawsTheSameMeterAsCurl() throws Exception {
        byte[] body = new byte[3_000_000];
        Arrays.fill(body, (byte) 'x');
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/users.csv", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String real;
        try {
            Path directory = Files.createTempDirectory(Files.createDirectories(Path.of("target", "cloud-shell-tests")), "curl-");
            Process curl = new ProcessBuilder("curl", "-O", "http://127.0.0.1:" + server.getAddress().getPort() + "/users.csv")
                    .directory(directory.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            real = new String(curl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(directory.resolve("users.csv")).hasSize(body.length);
        } finally {
            server.stop(0);
        }
        StringBuilder ours = new StringBuilder();
        ProgressMeter meter = new ProgressMeter(ours::append, 0);
        meter.total(body.length);
        meter.finish(body.length);

        assertThat(normalise(ours.toString())).isEqualTo(normalise(real));
    }

    @Test
    void sizesAndTimesInCurlsFiveAndEightColumns() {
        assertThat(ProgressMeter.max5(0)).isEqualTo("    0");
        assertThat(ProgressMeter.max5(99_999)).isEqualTo("99999");
        assertThat(ProgressMeter.max5(32_814_696)).isEqualTo("31.2M");
        assertThat(ProgressMeter.max5(315_000_000)).isEqualTo(" 300M");
        assertThat(ProgressMeter.max5(3_000_000)).isEqualTo("2929k");
        assertThat(ProgressMeter.time(0)).isEqualTo("--:--:--");
        assertThat(ProgressMeter.time(49)).isEqualTo(" 0:00:49");
        assertThat(ProgressMeter.time(141)).isEqualTo(" 0:02:21");
    }

    /**
     * Each meter line with its speeds and times blanked out; widths and the rest must match. A
     * line drawn again unchanged over itself (curl redraws once a second, so a slow machine gets
     * more redraws) shows as one, as on a terminal.
     */
    private static String normalise(String meter) {
        List<String> drawn = new ArrayList<>();
        for (String line : meter.split("\r", -1)) {
            String blanked = line.replaceFirst("^(.{3} .{5}  .{3} .{5}  .{3} .{5})  .{5}  (.{5}) .{8} .{8} .{8} .{5}(\n?)$",
                    "$1  SPEED  $2 TIME     TIME     TIME     SPEED$3");
            if (!drawn.isEmpty() && drawn.get(drawn.size() - 1).strip().equals(blanked.strip())) {
                drawn.set(drawn.size() - 1, blanked);
            } else {
                drawn.add(blanked);
            }
        }
        return String.join("\r", drawn);
    }
}
