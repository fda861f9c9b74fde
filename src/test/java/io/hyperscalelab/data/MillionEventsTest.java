package io.hyperscalelab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A million events (and their 2,093,612 users) stream out of a JVM limited to a 64 MB heap: the
 * files together are about a gigabyte, so only a generator that keeps nothing per row can do it.
 */
class MillionEventsTest {

    private static final Pattern RESULT = Pattern.compile("(users|events) rows=(\\d+) bytes=(\\d+) ms=(\\d+)");

    @Test
    void aMillionEventsStreamThroughASmallHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                StreamingProbe.class.getName(), "1000000")
                .redirectErrorStream(true)
                .start();
        boolean finished = probe.waitFor(3, TimeUnit.MINUTES);
        String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            probe.destroyForcibly();
        }
        System.out.print("1,000,000 events, -Xmx64m:\n" + output);

        assertThat(finished).as("the probe finishes").isTrue();
        assertThat(probe.exitValue()).as(output).isZero();
        List<long[]> results = RESULT.matcher(output).results().map(MillionEventsTest::numbers).toList();
        assertThat(results).hasSize(2);
        assertThat(results.get(0)[0]).isEqualTo(2_093_612);
        assertThat(results.get(1)[0]).isEqualTo(1_000_000);
        assertThat(results.get(1)[1]).as("bytes of events").isGreaterThan(500_000_000L);
    }

    private static long[] numbers(java.util.regex.MatchResult match) {
        return new long[] {Long.parseLong(match.group(2)), Long.parseLong(match.group(3)), Long.parseLong(match.group(4))};
    }
}
