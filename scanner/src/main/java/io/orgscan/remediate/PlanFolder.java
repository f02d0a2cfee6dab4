package io.orgscan.remediate;

import io.orgscan.model.Sha256;
import io.orgscan.plan.PlanFile;
import io.orgscan.plan.PlanFileException;
import io.orgscan.plan.PlanJson;
import io.orgscan.plan.RemediationPlan;
import io.orgscan.report.csv.CsvTableWriter;
import io.orgscan.report.evidence.WrittenFile;
import io.orgscan.report.folder.ReportWriteException;
import io.orgscan.report.folder.RunFolder;
import io.orgscan.report.folder.Sha256Sums;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan folder as {@code remediate} uses it: the plan is applied only if plan.json is the file
 * SHA256SUMS names (the plan that was reviewed, not one edited since), and the remediation log is added
 * by writing the folder again as a whole, every plan file copied byte for byte, SHA256SUMS over all.
 */
public final class PlanFolder {
    private PlanFolder() {
    }

    /** A plan.json and its SHA-256, checked against the SHA256SUMS beside it. */
    public record Verified(RemediationPlan plan, String sha256) {
    }

    public static Verified read(Path planJson) throws PlanFileException {
        Path sums = planJson.resolveSibling(PlanFile.SHA256SUMS.fileName());
        byte[] bytes;
        List<String> lines;
        try {
            bytes = Files.readAllBytes(planJson);
            lines = Files.exists(sums) ? Files.readAllLines(sums) : null;
        } catch (IOException e) {
            throw new PlanFileException(planJson + ": cannot read: " + e.getMessage(), e);
        }
        if (!planJson.getFileName().toString().equals(PlanFile.PLAN_JSON.fileName()) || lines == null) {
            throw new PlanFileException(planJson + ": not the plan.json of a plan folder with its SHA256SUMS "
                    + "(write one with orgscan plan)", null);
        }
        String sha = Sha256.of(bytes);
        String expected = sha + "  " + PlanFile.PLAN_JSON.fileName();
        if (!lines.contains(expected)) {
            throw new PlanFileException(planJson + ": its SHA-256 is not the one SHA256SUMS lists: the plan changed "
                    + "after it was written; make and review a new one with orgscan plan", null);
        }
        return new Verified(PlanJson.read(planJson), sha);
    }

    /** Writes the folder again with this run added to the remediation log; returns the files written. */
    public static List<Path> addRun(Path dir, RemediationRun run) throws ReportWriteException, PlanFileException {
        List<RemediationRun> runs = new ArrayList<>();
        Path existingLog = dir.resolve(PlanFile.REMEDIATION_LOG_JSON.fileName());
        try (RunFolder folder = RunFolder.open(dir, PlanFile.names())) {
            try {
                if (Files.exists(existingLog)) {
                    runs.addAll(RemediationLog.read(Files.readAllBytes(existingLog)));
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new PlanFileException(existingLog + ": " + e.getMessage(), e);
            }
            runs.add(run);
            List<WrittenFile> written = new ArrayList<>();
            for (PlanFile file : PlanFile.values()) {
                Path source = dir.resolve(file.fileName());
                boolean planFile = file != PlanFile.REMEDIATION_LOG_JSON && file != PlanFile.REMEDIATION_LOG_CSV
                        && file != PlanFile.SHA256SUMS;
                if (planFile && Files.isRegularFile(source)) {
                    written.add(folder.stage(file.fileName(), out -> Files.copy(source, out)));
                }
            }
            written.add(folder.stage(PlanFile.REMEDIATION_LOG_JSON.fileName(), out -> out.write(RemediationLog.json(runs))));
            written.add(folder.stage(PlanFile.REMEDIATION_LOG_CSV.fileName(),
                    out -> CsvTableWriter.write(RemediationLog.table(runs), out)));
            folder.stage(PlanFile.SHA256SUMS.fileName(), out -> Sha256Sums.write(written, out));
            return folder.commit();
        }
    }

}
