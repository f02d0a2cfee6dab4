package io.orgscan.report.folder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock of one run folder: an OS file lock ({@link FileChannel#tryLock}, {@code fcntl} on Linux) on
 * a lock file beside the folder, held until {@link #close}. The OS drops it when the process ends,
 * however it ends, so a run killed with {@code kill -9} never leaves a folder locked.
 *
 * <p>The lock file is never deleted: a run that deleted it on its way out could let two later runs
 * lock two different files of the same name. It is empty and harmless.
 *
 * <p>Locks held in this JVM are also kept in {@link #HELD} and checked before the file is opened:
 * POSIX locks belong to the process, and closing any channel of the file, even one that failed to
 * lock it, would release the lock another thread holds.
 */
final class FolderLock implements AutoCloseable {
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;

    private FolderLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Takes the lock without waiting.
     *
     * @throws FolderInUseException if another run, in this process or another, holds it
     * @throws IOException          if the lock file cannot be created or opened
     */
    static FolderLock acquire(Path file, Path folder) throws IOException, FolderInUseException {
        Path key = file.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            throw inUse(folder, file);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw inUse(folder, file);
            }
            FolderLock held = new FolderLock(key, channel);
            channel = null;
            return held;
        } finally {
            if (channel != null) {
                HELD.remove(key);
                channel.close();
            }
        }
    }

    private static FolderInUseException inUse(Path folder, Path file) {
        return new FolderInUseException("another orgscan run is writing to folder " + folder + " (it holds "
                + file.getFileName() + "); nothing was written: run again when it has finished");
    }

    /** Releases the lock (closing the channel releases it). */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // The process's exit releases it anyway.
        } finally {
            HELD.remove(file);
        }
    }
}
