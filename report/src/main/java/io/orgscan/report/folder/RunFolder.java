package io.orgscan.report.folder;

import io.orgscan.report.evidence.RunFile;
import io.orgscan.report.evidence.WrittenFile;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A run folder, replaced as a whole: a reader of the folder sees the previous complete report or the
 * new complete one, never a mix, and no file of an earlier run is left beside the new ones.
 *
 * <p>{@link #open} takes the folder's lock (a second run into it is refused with
 * {@link FolderInUseException}), removes what a run killed outright left beside it, refuses a folder
 * that holds anything but an orgscan report, and creates a hidden staging folder beside it, on the
 * same file system: {@code .<name>.orgscan-staging-<random>}. {@link #stage} writes each file there,
 * hashing the bytes as they are written and flushing them to disk. {@link #commit} swaps the staging
 * folder in: the previous folder is renamed aside ({@code .<name>.orgscan-old-<random>}), the staging
 * folder renamed to the folder's name, and the previous folder deleted. Between the two renames the
 * name is absent for a moment; a reader then finds no folder, never a partial one (Java has no
 * {@code renameat2(RENAME_EXCHANGE)}; docs/ARCHITECTURE.md says why this is the trade taken).
 * {@link #close} deletes the staging folder if it was not swapped in, and releases the lock; use
 * try-with-resources. {@link #abandon} does the same from another thread, for a JVM shutdown hook.
 *
 * <pre>{@code
 * try (RunFolder folder = RunFolder.open(outDir)) {
 *     folder.stage("findings.csv", out -> ...);
 *     folder.stage("coverage.xlsx", out -> ...);
 *     return folder.commit();
 * }
 * }</pre>
 */
public final class RunFolder implements AutoCloseable {
    /** Writes a file's bytes. The stream is buffered; closing it is allowed and does nothing. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Renames a folder within its parent; tests inject failures here. */
    @FunctionalInterface
    interface Renamer {
        void rename(Path from, Path to) throws IOException;
    }

    private enum State { OPEN, COMMITTING, COMMITTED, FAILED, ABANDONED, CLOSED }

    private static final Renamer ATOMIC = (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    private static final Set<String> REPORT_FILES = Arrays.stream(RunFile.values()).map(RunFile::fileName)
            .collect(Collectors.toUnmodifiableSet());
    /** Temporary files orgscan wrote inside a run folder before folders were swapped whole, if it was killed. */
    private static final Pattern EARLIER_TEMPORARY = Pattern.compile("\\.("
            + REPORT_FILES.stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")\\.[0-9a-z]+\\.tmp"
            + "|\\.orgscan-probe[0-9]+\\.tmp");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    /** The folder as the user named it: every path this class shows or returns is relative to it. */
    private final Path shown;
    private final Path target;
    private final Path staging;
    private final FolderLock lock;
    private final Renamer renamer;
    /** The names a folder of this kind may hold: a folder holding anything else is never replaced. */
    private final Set<String> ownFiles;
    /** file name -> the file in the staging folder, in staging order (guarded by {@code guard}). */
    private final Map<String, Path> staged = new LinkedHashMap<>();
    /** Names being staged now, reserved so that two threads never write one file (guarded by {@code guard}). */
    private final Set<String> stagingNames = new HashSet<>();
    private final Object guard = new Object();
    private State state = State.OPEN;

    private RunFolder(Path shown, Path target, Path staging, FolderLock lock, Renamer renamer, Set<String> ownFiles) {
        this.ownFiles = ownFiles;
        this.shown = shown;
        this.target = target;
        this.staging = staging;
        this.lock = lock;
        this.renamer = renamer;
    }

    /**
     * Opens {@code dir} for a new report: takes its lock, cleans up after runs killed outright,
     * checks that it is missing, empty or an orgscan report, and creates the staging folder beside it.
     * The folder's parents are created if missing; the folder itself only when the report is swapped in.
     *
     * @throws FolderInUseException if another orgscan run holds the folder's lock
     * @throws ReportWriteException if the folder is a file, holds other files, or its parent cannot be written
     */
    public static RunFolder open(Path dir) throws ReportWriteException {
        return open(dir, ATOMIC, REPORT_FILES);
    }

    /**
     * Opens a folder of another kind of orgscan output (a remediation plan), replaced as a whole the
     * same way; it may hold only files named in {@code ownFiles}.
     */
    public static RunFolder open(Path dir, Set<String> ownFiles) throws ReportWriteException {
        return open(dir, ATOMIC, Set.copyOf(ownFiles));
    }

    static RunFolder open(Path dir, Renamer renamer) throws ReportWriteException {
        return open(dir, renamer, REPORT_FILES);
    }

    private static RunFolder open(Path dir, Renamer renamer, Set<String> ownFiles) throws ReportWriteException {
        Path shown = shown(dir);
        Path target = check(shown, ownFiles);
        Path parent = target.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new ReportWriteException("cannot create folder " + parent + ": " + reason(e), e);
        }
        FolderLock lock;
        try {
            lock = FolderLock.acquire(parent.resolve(artefact(target, "lock")), shown);
        } catch (IOException e) {
            throw new ReportWriteException("cannot write to folder " + shown + ": " + reason(e), e);
        }
        try {
            removeLeftovers(target, renamer);
            checkContents(shown, target, ownFiles);
            Path staging = Files.createDirectory(parent.resolve(artefact(target, "staging-" + random())));
            return new RunFolder(shown, target, staging, lock, renamer, ownFiles);
        } catch (IOException e) {
            lock.close();
            throw new ReportWriteException("cannot write to folder " + shown + ": " + reason(e), e);
        } catch (ReportWriteException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Checks, without creating or locking anything, that {@link #open} would accept {@code dir}: it is
     * missing, an empty folder or a folder of orgscan report files, and its parent (or the nearest
     * existing folder above it) can be written.
     *
     * @return the folder's absolute path, symbolic links resolved (the folder a swap replaces)
     * @throws ReportWriteException naming the problem in one line
     */
    public static Path check(Path dir) throws ReportWriteException {
        return check(dir, REPORT_FILES);
    }

    /** As {@link #check(Path)}, for a folder that may hold only the files named in {@code ownFiles}. */
    public static Path check(Path dir, Set<String> ownFiles) throws ReportWriteException {
        Path shown = shown(dir);
        Path target = shown.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            try {
                target = target.toRealPath();
            } catch (IOException e) {
                throw new ReportWriteException("cannot write to folder " + shown + ": " + reason(e), e);
            }
        }
        if (target.getParent() == null) {
            throw new ReportWriteException("cannot use " + shown + " as a run folder: orgscan writes the new report "
                    + "beside the folder and swaps it in, and " + target + " has no parent folder", null);
        }
        checkContents(shown, target, ownFiles);
        Path existing = target.getParent();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            throw new ReportWriteException("cannot create folder " + shown + ": " + existing + " is a file, not a folder",
                    null);
        }
        if (!Files.isWritable(existing)) {
            throw new ReportWriteException("cannot write to folder " + shown + ": permission denied on " + existing
                    + " (orgscan writes the new report beside the folder, then swaps it in)", null);
        }
        return target;
    }

    private static Path shown(Path dir) {
        return Objects.requireNonNull(dir, "dir").toString().isEmpty() ? Path.of(".") : dir;
    }

    /** A hidden name beside the target: {@code .<name>.orgscan-<suffix>}. */
    private static String artefact(Path target, String suffix) {
        return "." + target.getFileName() + ".orgscan-" + suffix;
    }

    private static String random() {
        return Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }

    /** Refuses a file, or a folder with anything in it but orgscan's report files. */
    private static void checkContents(Path shown, Path target, Set<String> ownFiles) throws ReportWriteException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new ReportWriteException("cannot write to folder " + shown + ": it is a file, not a folder", null);
        }
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> entries = Files.list(target)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                boolean reportFile = ownFiles.contains(name) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS);
                if (!reportFile && !EARLIER_TEMPORARY.matcher(name).matches()) {
                    foreign.add(Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? name + "/" : name);
                }
            }
        } catch (IOException e) {
            throw new ReportWriteException("cannot read folder " + shown + ": " + reason(e), e);
        }
        if (!foreign.isEmpty()) {
            foreign.sort(Comparator.naturalOrder());
            String named = String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                    + (foreign.size() > 3 ? " and " + (foreign.size() - 3) + " more" : "");
            throw new ReportWriteException("refusing to write to folder " + shown + ": it holds files that are not part "
                    + "of an orgscan report (" + named + "), and a new report replaces the whole folder; "
                    + "choose a new or empty folder", null);
        }
    }

    /**
     * Removes the staging and set-aside folders that runs killed outright left beside {@code target}.
     * Called under the lock, so no live run owns them. If a run died between its two renames, the
     * target is missing and its previous folder is still set aside: that folder is put back first.
     */
    private static void removeLeftovers(Path target, Renamer renamer) throws IOException {
        Pattern leftover = Pattern.compile(Pattern.quote(artefact(target, "")) + "(staging|old)-[0-9a-z]+");
        List<Path> found;
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            found = siblings.filter(p -> leftover.matcher(p.getFileName().toString()).matches())
                    .filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Path newest = null;
            for (Path p : found) {
                if (p.getFileName().toString().startsWith(artefact(target, "old-"))
                        && (newest == null || modified(p) > modified(newest))) {
                    newest = p;
                }
            }
            if (newest != null) {
                renamer.rename(newest, target);
            }
        }
        for (Path p : found) {
            deleteTree(p);
        }
    }

    private static long modified(Path p) throws IOException {
        return Files.getLastModifiedTime(p).toMillis();
    }

    /**
     * Writes {@code fileName}'s content into the staging folder and flushes it to disk. On any failure
     * the file is deleted and the exception (a {@link ReportWriteException} for I/O failures, any other
     * exception unchanged) propagates.
     *
     * Two threads may stage different files at once (the exports are written beside the rest).
     *
     * @return the file's name, size and SHA-256, computed over exactly the bytes written (rows unset)
     */
    public WrittenFile stage(String fileName, Content content) throws ReportWriteException {
        Path shownFile = shown.resolve(fileName);
        synchronized (guard) {
            if (!PLAIN_NAME.matcher(fileName).matches() || staged.containsKey(fileName)
                    || !stagingNames.add(fileName)) {
                throw new IllegalArgumentException("not a new file name in the folder: " + fileName);
            }
            if (state != State.OPEN) {
                stagingNames.remove(fileName);
                throw new ReportWriteException("cannot write " + shownFile + ": the run was stopped", null);
            }
        }
        Path file = staging.resolve(fileName);
        OutputStream stream;
        try {
            stream = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ReportWriteException("cannot write " + shownFile + ": " + reason(e), e);
        }
        boolean written = false;
        try {
            Digesting digesting;
            try (OutputStream out = new BufferedOutputStream(stream, 1 << 16)) {
                digesting = new Digesting(out);
                content.writeTo(new CloseShield(digesting));
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            written = true;
            return new WrittenFile(fileName, digesting.bytes, null, HexFormat.of().formatHex(digesting.digest.digest()));
        } catch (IOException e) {
            throw new ReportWriteException("cannot write " + shownFile + ": " + reason(e), e);
        } catch (UncheckedIOException e) {
            throw new ReportWriteException("cannot write " + shownFile + ": " + reason(e.getCause()), e);
        } finally {
            if (!written) {
                deleteQuietly(file);
            }
            synchronized (guard) {
                stagingNames.remove(fileName);
                if (written) {
                    staged.put(fileName, file);
                }
            }
        }
    }

    /**
     * Swaps the staging folder in as the run folder: the previous folder, if any, is renamed aside,
     * the staging folder renamed to its name, and the previous folder deleted. If the second rename
     * fails, the previous folder is put back.
     *
     * @return the files of the new folder, in staging order, as paths under the folder as it was named
     * @throws ReportWriteException if the folder now holds other files (put there while this run wrote),
     *                              or a rename fails; then the previous folder is in place (or, if even
     *                              putting it back failed, set aside, and the next run puts it back)
     */
    public List<Path> commit() throws ReportWriteException {
        synchronized (guard) {
            if (state != State.OPEN) {
                throw new ReportWriteException("cannot put the new report in place as " + shown + ": the run was stopped",
                        null);
            }
            state = State.COMMITTING;
        }
        boolean swapped = false;
        try {
            // Again at the last moment: a file someone put in the folder while the run wrote must not go with it.
            checkContents(shown, target, ownFiles);
            force(staging);
            Path previous = null;
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                keepPermissions(target, staging);
                previous = target.resolveSibling(artefact(target, "old-" + random()));
                try {
                    renamer.rename(target, previous);
                } catch (IOException e) {
                    throw new ReportWriteException("cannot replace folder " + shown + ": " + reason(e), e);
                }
            }
            try {
                renamer.rename(staging, target);
            } catch (IOException e) {
                if (previous != null) {
                    try {
                        renamer.rename(previous, target);
                    } catch (IOException again) {
                        e.addSuppressed(again);
                    }
                }
                throw new ReportWriteException("cannot put the new report in place as " + shown + ": " + reason(e), e);
            }
            force(target.getParent());
            swapped = true;
            if (previous != null) {
                deleteQuietly(previous);
            }
            synchronized (guard) {
                return staged.keySet().stream().map(shown::resolve).toList();
            }
        } finally {
            synchronized (guard) {
                state = swapped ? State.COMMITTED : State.FAILED;
                guard.notifyAll();
            }
        }
    }

    /**
     * Stops this run from another thread (a JVM shutdown hook on SIGINT or SIGTERM): no file is
     * staged or swapped in after it, and the staging folder is deleted. If the swap is under way, it
     * waits for it to finish first (two renames: milliseconds).
     *
     * @return true if the run was stopped before its swap, so the folder is as it was before the
     *         run; false if the new report is already in place, or the run had ended
     */
    public boolean abandon() {
        synchronized (guard) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (state == State.COMMITTING && System.nanoTime() < deadline) {
                try {
                    guard.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (state != State.OPEN) {
                return false;
            }
            state = State.ABANDONED;
        }
        // The writing thread may still create the file it had started; retry until the folder is gone.
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                deleteTree(staging);
                return true;
            } catch (IOException e) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return true;
                }
            }
        }
        return true;
    }

    /** Whether {@link #abandon} stopped this run. */
    public boolean abandoned() {
        synchronized (guard) {
            return state == State.ABANDONED;
        }
    }

    /** Whether the new report was swapped in. */
    public boolean committed() {
        synchronized (guard) {
            return state == State.COMMITTED;
        }
    }

    /** The folder as the user named it. */
    public Path path() {
        return shown;
    }

    /** Deletes the staging folder unless it was swapped in, and releases the lock. */
    @Override
    public void close() {
        try {
            boolean discard;
            synchronized (guard) {
                discard = state != State.COMMITTED;
                if (state == State.OPEN || state == State.FAILED) {
                    state = State.CLOSED;
                }
            }
            if (discard) {
                deleteQuietly(staging);
            }
        } finally {
            lock.close();
        }
    }

    /** A previous folder's permissions carry over to the new one (a team may have opened it to a group). */
    private static void keepPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (IOException | UnsupportedOperationException e) {
            // Best effort: the default permissions are those of any new folder.
        }
    }

    /** Flushes a folder's entries to disk, so a rename survives a power cut. */
    private static void force(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot flush a folder; the renames are atomic all the same.
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteQuietly(Path path) {
        try {
            deleteTree(path);
        } catch (IOException e) {
            // Best effort: the original failure is what the caller needs to see; the next run removes leftovers.
        }
    }

    /** A short, one-line reason: NIO's messages are often just the path. */
    private static String reason(IOException e) {
        String text;
        if (e instanceof AccessDeniedException) {
            text = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            text = "no such file or folder";
        } else if (e instanceof FileAlreadyExistsException) {
            text = "a file or folder of that name is in the way";
        } else if (e instanceof DirectoryNotEmptyException) {
            text = "a folder of that name is in the way";
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            text = fse.getReason();
        } else if (e.getMessage() != null) {
            text = e.getMessage();
        } else {
            text = e.getClass().getSimpleName();
        }
        return text.replaceAll("[\\r\\n]+", " ").strip();
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
