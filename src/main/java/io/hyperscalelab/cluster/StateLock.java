package io.hyperscalelab.cluster;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One app at a time per state database: a lock on {@code <data>/state/lock}, held while the app
 * runs. The operating system drops it when the process dies, so a server found running by the
 * holder of the lock can only be an orphan of a dead app, and is safe to stop.
 */
final class StateLock {

    private final FileChannel channel;
    private final FileLock lock;

    private StateLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StateLock acquire(Path root) {
        Path file = root.resolve("lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new StateLock(channel, lock);
            }
        } catch (OverlappingFileLockException inThisProcess) {
            // another app context in this very process holds it: the same refusal
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ClusterException("Cannot lock " + file + ": " + e.getMessage(), e);
        }
        closeQuietly(channel);
        throw new ClusterException("Another Hyperscale Lab is already running on the data directory "
                + root.getParent() + ". Stop it, or give this one its own hyperscale.cluster.data-directory.");
    }

    void release() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel below releases it as well
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing is written through it
            }
        }
    }
}
