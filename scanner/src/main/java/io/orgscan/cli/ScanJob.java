package io.orgscan.cli;

import io.orgscan.aws.AwsSettings;
import io.orgscan.aws.RoleSettings;
import io.orgscan.aws.SdkAwsGateway;
import io.orgscan.model.ExceptionRegister;
import io.orgscan.model.ScanResult;
import io.orgscan.report.evidence.PreviousScan;
import io.orgscan.report.folder.FolderInUseException;
import io.orgscan.report.folder.OutputFormat;
import io.orgscan.report.folder.RenderOptions;
import io.orgscan.report.folder.ReportRenderer;
import io.orgscan.report.folder.ReportWriteException;
import io.orgscan.report.folder.RunFolder;
import io.orgscan.report.json.ScanJson;
import io.orgscan.scan.ScanCannotStartException;
import io.orgscan.scan.ScanLimits;
import io.orgscan.scan.ScanService;
import io.orgscan.scan.ScanSettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;

/** One scan from settings to written reports; shared by {@code scan} and {@code demo}. */
final class ScanJob {
    private final CliContext context;

    ScanJob(CliContext context) {
        this.context = context;
    }

    /**
     * Caps Organizations' back-off, in milliseconds, for tests that drive a scan through throttling and
     * cannot wait out the real back-off of seconds; not an option, so no report records it.
     */
    static final String ORGANIZATIONS_MAX_BACKOFF_MS = "ORGSCAN_TEST_ORGANIZATIONS_MAX_BACKOFF_MS";

    /**
     * Shortens the connect, socket and attempt timeouts, in milliseconds, for tests of endpoints that
     * do not answer, which cannot wait 30 seconds an attempt; not an option, so no report records it.
     */
    static final String TIMEOUT_MS = "ORGSCAN_TEST_TIMEOUT_MS";

    /** The one place a scan's limits are decided: the gateway and the service get the same record. */
    private ScanResult scan(AwsSettings aws, RoleSettings roles, ScanSettings settings, int maxParallel)
            throws ScanCannotStartException, InterruptedException {
        ScanLimits limits = ScanLimits.of(maxParallel);
        Optional<Duration> maxBackoff = testDuration(ORGANIZATIONS_MAX_BACKOFF_MS);
        if (maxBackoff.isPresent()) {
            limits = limits.withOrganizationsMaxBackoff(maxBackoff.get());
        }
        Optional<Duration> timeout = testDuration(TIMEOUT_MS);
        if (timeout.isPresent()) {
            limits = limits.withTimeouts(timeout.get());
        }
        try (SdkAwsGateway gateway = new SdkAwsGateway(aws, roles, limits);
             ProgressReporter progress = ProgressReporter.start(context)) {
            return new ScanService(gateway, context.clock(), () -> UUID.randomUUID().toString(), ToolVersion.get(),
                    limits, progress).run(settings);
        }
    }

    /** A test hook's value: milliseconds in the injected environment, or empty when it is not set. */
    private Optional<Duration> testDuration(String name) {
        String value = context.env(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofMillis(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of milliseconds", e);
        }
    }

    /**
     * Runs the scan and writes the reports; returns the exit code. The run folder is opened first, so
     * a folder that another run holds, or that holds other files, is refused before any AWS call, and
     * the lock is held from the first call until the new folder is in place.
     */
    int run(AwsSettings aws, RoleSettings roles, ScanSettings settings, int maxParallel, Path outDir, Set<OutputFormat> formats) {
        return run(aws, roles, settings, maxParallel, outDir, formats, null);
    }

    /** As {@link #run(AwsSettings, RoleSettings, ScanSettings, int, Path, Set)}, the reports applying {@code register} (or none). */
    int run(AwsSettings aws, RoleSettings roles, ScanSettings settings, int maxParallel, Path outDir, Set<OutputFormat> formats,
            ExceptionRegister register) {
        return inRunFolder(outDir, folder -> {
            ScanResult result;
            try {
                result = scan(aws, roles, settings, maxParallel).withExceptions(register);
            } catch (ScanCannotStartException e) {
                context.err().println(e.line());
                context.err().println("orgscan: no report was written.");
                return ExitCodes.USAGE;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                context.err().println("orgscan: interrupted; no report was written.");
                return ExitCodes.INTERNAL_ERROR;
            }
            return write(result, folder, formats, new RenderOptions(null, ToolVersion.get()), true);
        });
    }

    /** Writes the run folder of a saved scan; {@code previous} (or null) is the scan to compare with. */
    int write(ScanResult result, Path outDir, Set<OutputFormat> formats, PreviousScan previous) {
        return write(result, outDir, formats, new RenderOptions(previous, ToolVersion.get()));
    }

    /** Writes the run folder of a saved scan with these options. */
    int write(ScanResult result, Path outDir, Set<OutputFormat> formats, RenderOptions options) {
        return inRunFolder(outDir, folder -> write(result, folder, formats, options, false));
    }

    /**
     * Opens the run folder (refused: one line and its exit code), and runs {@code work} holding its lock,
     * with a signal during it removing the staging folder.
     */
    private int inRunFolder(Path outDir, ToIntFunction<RunFolder> work) {
        RunFolder folder;
        try {
            folder = RunFolder.open(outDir);
        } catch (ReportWriteException e) {
            return refused(e);
        }
        try (folder; StopSignalHook stop = StopSignalHook.during(folder, context.err())) {
            return work.applyAsInt(folder);
        }
    }

    private int refused(ReportWriteException e) {
        context.err().println("orgscan: " + e.getMessage());
        return e instanceof FolderInUseException ? ExitCodes.FOLDER_IN_USE : ExitCodes.USAGE;
    }

    /**
     * Renders into the open folder and swaps it in. If that fails after a scan, the scan is not lost:
     * its summary is printed and it is saved aside ({@link #saveAside}) for {@code orgscan report}.
     */
    private int write(ScanResult result, RunFolder folder, Set<OutputFormat> formats, RenderOptions options,
                      boolean afterScan) {
        List<Path> written;
        try {
            written = ReportRenderer.render(result, folder, formats, options);
        } catch (ReportWriteException e) {
            if (folder.abandoned()) {
                // A signal stopped the run: its hook has said so, and the JVM exits with the signal's code.
                return ExitCodes.USAGE;
            }
            context.err().println("orgscan: " + e.getMessage());
            if (afterScan) {
                Path saved = saveAside(result);
                ScanSummary.printNotWritten(context.out(), result, saved);
                if (saved != null) {
                    context.err().println("orgscan: the scan is saved as " + saved + "; render its reports with: "
                            + "orgscan report " + saved + " --out-dir " + folder.path());
                }
            }
            return ExitCodes.USAGE;
        } catch (RuntimeException e) {
            if (folder.abandoned()) {
                // The staging folder vanished under a writer that reports it its own way (POI): no bug to report.
                return ExitCodes.USAGE;
            }
            throw e;
        }
        ScanSummary.print(context.out(), result, written);
        return ExitCodes.of(result);
    }

    /** Where a scan whose run folder could not be written is saved: the system's temporary folder. */
    static Path savedScanFile(ScanResult result) {
        String id = result.metadata().scanId().replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir")).resolve("orgscan-scan-" + id + ".json");
    }

    /**
     * Saves the scan as {@link #savedScanFile}, readable by its owner only (it names every account),
     * through a temporary file and a rename. Returns the file, or null (and says why) if even that failed.
     */
    private Path saveAside(ScanResult result) {
        Path file = savedScanFile(result);
        Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(temp);
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.WRITE))) {
                ScanJson.write(result, out);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            context.err().println("orgscan: the scan could not be saved as " + file + " either ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
            return null;
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Nothing more to do: the message above names the problem.
            }
        }
    }
}
