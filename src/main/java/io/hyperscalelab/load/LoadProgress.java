package io.hyperscalelab.load;

/** How far a load has come; {@code totalBytes} is 0 when the input's size is unknown. */
public record LoadProgress(long rows, long bytes, long totalBytes) {

    public double percent() {
        return totalBytes > 0 ? Math.min(100.0, 100.0 * bytes / totalBytes) : 0;
    }
}
