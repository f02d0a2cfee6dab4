package io.orgscan.report.evidence;

import io.orgscan.model.ScanResult;
import io.orgscan.report.exceptions.ExceptionMatches;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one render reads, and nothing else: every output (CSV, sheet, manifest) is a view of
 * it. The scan, the numbers derived from it once, the comparison with a previous scan if asked for,
 * the control, which exceptions register entry applies to which finding, and the files already written
 * (the workbook's Cover shows their hashes). Immutable: a later stage of the render gets a copy with more files.
 *
 * @param changes    the comparison with a previous scan, or null
 * @param exceptions the scan's exceptions register matched to its findings (empty without a register)
 * @param files   the files written so far, in writing order
 */
public record RenderInput(ScanResult scan, CoverageCounts counts, ErrorLinks errorLinks, Changes changes,
                          ExceptionMatches exceptions, Control control, List<WrittenFile> files) {
    public RenderInput {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(errorLinks, "errorLinks");
        Objects.requireNonNull(exceptions, "exceptions");
        Objects.requireNonNull(control, "control");
        files = List.copyOf(files);
    }

    /** The input of a render of {@code scan}, compared with {@code previous} if not null. */
    public static RenderInput of(ScanResult scan, PreviousScan previous) {
        return new RenderInput(scan, CoverageCounts.of(scan), ErrorLinks.of(scan),
                previous == null ? null : Changes.between(previous, scan), ExceptionMatches.of(scan), Control.standard(),
                List.of());
    }

    public static RenderInput of(ScanResult scan) {
        return of(scan, null);
    }

    public Optional<Changes> comparison() {
        return Optional.ofNullable(changes);
    }

    public RenderInput withFiles(List<WrittenFile> written) {
        return new RenderInput(scan, counts, errorLinks, changes, exceptions, control, written);
    }

    /** The file of that name written so far, if any. */
    public Optional<WrittenFile> file(RunFile file) {
        return files.stream().filter(f -> f.name().equals(file.fileName())).findFirst();
    }
}
