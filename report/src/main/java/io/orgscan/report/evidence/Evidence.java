package io.orgscan.report.evidence;

import io.orgscan.model.ScanResult;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one render reads: the scan, the numbers derived from it once, the comparison with a
 * previous scan if asked for, the control, and the files already written (the workbook's Cover shows
 * their hashes). Immutable: a later stage of the render gets a copy with more files.
 *
 * @param changes the comparison with a previous scan, or null
 * @param files   the files written so far, in writing order
 */
public record Evidence(ScanResult scan, Population population, ErrorLinks errorLinks, Changes changes,
                       Control control, List<WrittenFile> files) {
    public Evidence {
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(population, "population");
        Objects.requireNonNull(errorLinks, "errorLinks");
        Objects.requireNonNull(control, "control");
        files = List.copyOf(files);
    }

    /** The evidence of {@code scan}, compared with {@code previous} if not null. */
    public static Evidence of(ScanResult scan, PreviousScan previous) {
        return new Evidence(scan, Population.of(scan), ErrorLinks.of(scan),
                previous == null ? null : Changes.between(previous, scan), Control.standard(), List.of());
    }

    public static Evidence of(ScanResult scan) {
        return of(scan, null);
    }

    public Optional<Changes> comparison() {
        return Optional.ofNullable(changes);
    }

    public Evidence withFiles(List<WrittenFile> written) {
        return new Evidence(scan, population, errorLinks, changes, control, written);
    }

    /** The file of that name written so far, if any. */
    public Optional<WrittenFile> file(RunFile file) {
        return files.stream().filter(f -> f.name().equals(file.fileName())).findFirst();
    }
}
