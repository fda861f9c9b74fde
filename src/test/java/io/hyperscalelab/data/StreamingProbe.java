package io.hyperscalelab.data;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Generates a dataset into byte-counting streams and prints what it wrote and how long it took.
 * {@link MillionEventsTest} runs it in a JVM with a small heap, which a generator that kept rows
 * in memory would not survive.
 */
public final class StreamingProbe {

    private StreamingProbe() {
    }

    public static void main(String[] args) throws IOException {
        DatasetSize size = DatasetSize.ofEvents(Integer.parseInt(args[0]));
        LabDataGenerator generator = new LabDataGenerator(LabDataGenerator.DEFAULT_SEED);
        CountingStream users = new CountingStream();
        CountingStream events = new CountingStream();
        long start = System.nanoTime();
        generator.writeUsers(size, users);
        long usersDone = System.nanoTime();
        generator.writeEvents(size, events);
        long eventsDone = System.nanoTime();
        System.out.printf(Locale.ROOT, "users rows=%d bytes=%d ms=%d%n", users.lines, users.bytes, (usersDone - start) / 1_000_000);
        System.out.printf(Locale.ROOT, "events rows=%d bytes=%d ms=%d%n", events.lines, events.bytes, (eventsDone - usersDone) / 1_000_000);
        System.out.printf(Locale.ROOT, "heap max=%d MB%n", Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Counts bytes and line ends; the generator never writes a raw newline inside a field. */
    static final class CountingStream extends OutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            bytes += length;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }
    }
}
