package io.orgscan.plan;

import io.orgscan.report.evidence.WrittenFile;
import io.orgscan.report.folder.ReportWriteException;
import io.orgscan.report.folder.RunFolder;
import io.orgscan.report.folder.Sha256Sums;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a plan folder as a whole, the way a report folder is written ({@link RunFolder}: staged
 * beside the folder, swapped in, a folder holding anything but plan files refused): plan.json, plan.md,
 * the template of the plan's analyzer type when it creates any, and SHA256SUMS over all of them.
 */
public final class PlanWriter {
    private PlanWriter() {
    }

    /** @return the files written, as paths under {@code dir} */
    public static List<Path> write(RemediationPlan plan, Map<String, String> accountNames, Path dir)
            throws ReportWriteException {
        try (RunFolder folder = RunFolder.open(dir, PlanFile.names())) {
            List<WrittenFile> written = new ArrayList<>();
            written.add(folder.stage(PlanFile.PLAN_JSON.fileName(), out -> out.write(PlanJson.bytes(plan))));
            written.add(folder.stage(PlanFile.PLAN_MD.fileName(),
                    out -> out.write(PlanMarkdown.render(plan, accountNames).getBytes(StandardCharsets.UTF_8))));
            if (!plan.actions().isEmpty()) {
                written.add(folder.stage(AnalyzerTemplate.fileName(plan.analyzerType()),
                        out -> out.write(AnalyzerTemplate.text(plan.analyzerType()).getBytes(StandardCharsets.UTF_8))));
            }
            folder.stage(PlanFile.SHA256SUMS.fileName(), out -> Sha256Sums.write(written, out));
            return folder.commit();
        }
    }
}
