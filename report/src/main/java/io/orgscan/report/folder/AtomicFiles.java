package io.orgscan.report.folder;

import io.orgscan.report.evidence.WrittenFile;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes outputs so that no reader ever sees half a file: each file is written to a hidden temporary
 * file in the same folder ({@code .<name>.<random>.tmp}), flushed to disk, then renamed onto its name
 * (an atomic rename where the file system offers one, a replacing move otherwise).
 *
 * <p>Files are written as a batch: {@link #stage} writes each one to its temporary file, and only
 * {@link #commit} renames them, after all were written. So a writer that fails half way through the
 * last file leaves the previous run's outputs exactly as they were, not a mix of old and new.
 * {@link #close} deletes every temporary file not committed; use try-with-resources.
 *
 * <pre>{@code
 * try (AtomicFiles files = AtomicFiles.in(outDir)) {
 *     files.stage("findings.csv", out -> ...);
 *     files.stage("coverage.xlsx", out -> ...);
 *     return files.commit();
 * }
 * }</pre>
 */
public final class AtomicFiles implements AutoCloseable {
    /** Writes a file's bytes. The stream is buffered; closing it is allowed and does nothing. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path dir;
    /** final path -> its temporary file, in staging order. */
    private final Map<Path, Path> staged = new LinkedHashMap<>();

    private AtomicFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * Starts a batch of files in {@code dir}, creating the folder (and its parents) if missing.
     *
     * @throws ReportWriteException if the folder is a file, cannot be created, or cannot be written
     */
    public static AtomicFiles in(Path dir) throws ReportWriteException {
        Path folder = Objects.requireNonNull(dir, "dir").toString().isEmpty() ? Path.of(".") : dir;
        prepareFolder(folder);
        return new AtomicFiles(folder);
    }

    /** Writes one file atomically: a batch of one. Returns the file written. */
    public static Path write(Path target, Content content) throws ReportWriteException {
        Path parent = target.toAbsolutePath().getParent();
        try (AtomicFiles files = in(parent)) {
            files.stage(target.getFileName().toString(), content);
            return files.commit().get(0);
        }
    }

    /**
     * Writes {@code fileName}'s content to a temporary file in the folder. On any failure the
     * temporary file is deleted and the exception (a {@link ReportWriteException} for I/O failures,
     * any other exception unchanged) propagates.
     *
     * @return the file's name, size and SHA-256, computed over exactly the bytes written (rows unset)
     */
    public WrittenFile stage(String fileName, Content content) throws ReportWriteException {
        Path target = dir.resolve(fileName);
        if (!dir.equals(target.getParent()) || staged.containsKey(target)) {
            throw new IllegalArgumentException("not a new file name in the folder: " + fileName);
        }
        Path temp = dir.resolve("." + fileName + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                + ".tmp");
        OutputStream file;
        try {
            file = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ReportWriteException("cannot write to folder " + dir + ": " + reason(e), e);
        }
        boolean written = false;
        try {
            Digesting digesting;
            try (OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
                digesting = new Digesting(out);
                content.writeTo(new CloseShield(digesting));
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            written = true;
            return new WrittenFile(fileName, digesting.bytes, null, HexFormat.of().formatHex(digesting.digest.digest()));
        } catch (IOException e) {
            throw new ReportWriteException("cannot write " + target + ": " + reason(e), e);
        } catch (UncheckedIOException e) {
            throw new ReportWriteException("cannot write " + target + ": " + reason(e.getCause()), e);
        } finally {
            if (written) {
                staged.put(target, temp);
            } else {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * Renames every staged file onto its name, in staging order, replacing older files of that name.
     *
     * @return the files written, in staging order
     */
    public List<Path> commit() throws ReportWriteException {
        List<Path> done = new ArrayList<>(staged.size());
        for (Iterator<Map.Entry<Path, Path>> pending = staged.entrySet().iterator(); pending.hasNext(); ) {
            Map.Entry<Path, Path> entry = pending.next();
            Path target = entry.getKey();
            Path temp = entry.getValue();
            try {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new ReportWriteException("cannot put " + target + " in place: " + reason(e), e);
            }
            pending.remove();
            done.add(target);
        }
        return List.copyOf(done);
    }

    /** Deletes the temporary files of everything staged and not committed. */
    @Override
    public void close() {
        staged.values().forEach(AtomicFiles::deleteQuietly);
        staged.clear();
    }

    private static void prepareFolder(Path dir) throws ReportWriteException {
        if (Files.isDirectory(dir)) {
            if (!Files.isWritable(dir)) {
                throw new ReportWriteException("cannot write to folder " + dir + ": permission denied", null);
            }
            return;
        }
        if (Files.exists(dir)) {
            throw new ReportWriteException("cannot write to folder " + dir + ": it is a file, not a folder", null);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            Path file = existingFileAbove(dir);
            String why = file != null ? file + " is a file, not a folder" : reason(e);
            throw new ReportWriteException("cannot create folder " + dir + ": " + why, e);
        }
    }

    /** The nearest existing ancestor of {@code dir} if it is not a folder, else null. */
    private static Path existingFileAbove(Path dir) {
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }

    /** A short, one-line reason: NIO's messages are often just the path. */
    private static String reason(IOException e) {
        String text;
        if (e instanceof AccessDeniedException) {
            text = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            text = "no such file or folder";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            text = fse.getReason();
        } else if (e.getMessage() != null) {
            text = e.getMessage();
        } else {
            text = e.getClass().getSimpleName();
        }
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: the original failure is what the caller needs to see.
        }
    }

    /** Counts and hashes the bytes on their way to the file, so the hash is of what was written. */
    private static final class Digesting extends FilterOutputStream {
        final MessageDigest digest;
        long bytes;

        Digesting(OutputStream out) {
            super(out);
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
        }
    }

    /** Lets content writers close "their" stream (CSVPrinter, try-with-resources) without ending ours. */
    private static final class CloseShield extends FilterOutputStream {
        CloseShield(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
