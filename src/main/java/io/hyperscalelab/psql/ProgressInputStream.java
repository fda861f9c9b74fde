package io.hyperscalelab.psql;

import io.hyperscalelab.load.LoadProgress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Counts what a COPY has read, reports it every megabyte, and stops reading once canceled. */
final class ProgressInputStream extends FilterInputStream {

    private static final long REPORT_EVERY = 1 << 20;

    private final long total;
    private final Consumer<LoadProgress> progress;
    private final AtomicBoolean canceled;
    private long read;
    private long reported;

    ProgressInputStream(InputStream in, long total, Consumer<LoadProgress> progress, AtomicBoolean canceled) {
        super(in);
        this.total = total;
        this.progress = progress;
        this.canceled = canceled;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (canceled.get()) {
            throw new IOException("canceling statement due to user request");
        }
        int n = super.read(b, off, len);
        if (n > 0) {
            read += n;
            if (read - reported >= REPORT_EVERY) {
                reported = read;
                progress.accept(new LoadProgress(0, read, total));
            }
        }
        return n;
    }
}
