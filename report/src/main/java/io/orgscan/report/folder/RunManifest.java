package io.orgscan.report.folder;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.ExceptionEntry;
import io.orgscan.model.ScanMetadata;
import io.orgscan.report.evidence.Control;
import io.orgscan.report.evidence.CoverageCounts;
import io.orgscan.report.evidence.PreviousScan;
import io.orgscan.report.evidence.Reconciliation;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.evidence.WrittenFile;
import io.orgscan.report.exceptions.ExceptionMatches;
import io.orgscan.report.table.FindingsTable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * run_manifest.json: the run's metadata, parameters, population counts, reconciliation, and each
 * file's name, bytes, rows and SHA-256, for a machine to check what the Cover tells a person. The
 * records below are the file: each component a field, in order, named in snake_case; two-space
 * indentation, {@code \n} line ends, a final newline: the same render gives the same bytes.
 * Described field by field in docs/OUTPUTS.md.
 */
public record RunManifest(int manifestVersion, String runId, Tool tool, Scan scan, ManifestControl control,
                          List<ManifestParameter> parameters, Previous previousScan, Register exceptionRegister,
                          ManifestPopulation population,
                          Result result, List<Check> reconciliation, List<ManifestFile> files) {

    /** The version of this file's fields. */
    public static final int MANIFEST_VERSION = 1;

    private static final ObjectWriter WRITER = JsonMapper.builder(
                    JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build()
            .writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    record Tool(String name, String version, String renderedByVersion) {
    }

    record Scan(String scanId, String startedAt, String finishedAt, String callerArn, String callerAccountId,
                String organizationId, String managementAccountId, String delegatedAdministratorId,
                String partition, String policy) {
    }

    record ManifestControl(String title, String securityHubControlId, String configRule,
                           String configRuleIdentifier, List<Control.CisReference> cis) {
    }

    record ManifestParameter(String name, String value, String source) {
    }

    record Previous(String file, String sha256, String scanId, String startedAt) {
    }

    /**
     * The exceptions register the reports apply, as scan.json records it; {@code expired} and
     * {@code orphans} are register rows, expiry judged on {@code judged_on} (the scan's end, UTC).
     */
    record Register(String file, String sha256, int entries, String judgedOn, List<Integer> expired,
                    List<Integer> orphans, long nonCompliantWithException, long nonCompliantWithoutException) {
    }

    /** {@code rows_by_status} in the statuses' order; {@code coverage_pct} null when nothing applies. */
    record ManifestPopulation(long accountsListed, long accountsInScope, long accountsNotActive,
                              long accountsExcluded, long accountsFullyCovered, int regions, long rowsTotal,
                              Map<String, Long> rowsByStatus, BigDecimal coveragePct, int errors) {
    }

    /** {@code control_result_reason}: why the run checked nothing it could pass on, null otherwise. */
    record Result(String controlResult, String controlResultReason, boolean scanComplete, String reconciliation) {
    }

    record Check(String check, String description, long expected, long actual, String result) {
    }

    /** {@code rows}: data rows of a CSV, events of findings.ocsf.json, null for other files. */
    record ManifestFile(String name, long bytes, Long rows, String sha256) {
    }

    /**
     * The manifest of a render.
     *
     * @param files every file written before the manifest, in writing order
     */
    public static RunManifest of(RenderInput input, Reconciliation reconciliation, List<WrittenFile> files,
                                 RenderOptions options) {
        ScanMetadata scan = input.scan().metadata();
        CoverageCounts counts = input.counts();
        Control control = input.control();
        Map<String, Long> rowsByStatus = new LinkedHashMap<>();
        for (ComplianceStatus status : ComplianceStatus.values()) {
            rowsByStatus.put(status.name(), counts.rows(status));
        }
        Previous previous = null;
        if (input.changes() != null) {
            PreviousScan scanBefore = input.changes().previous();
            previous = new Previous(scanBefore.fileName(), scanBefore.sha256(), scanBefore.result().metadata().scanId(),
                    FindingsTable.timestamp(scanBefore.result().metadata().startedAt()));
        }
        ExceptionMatches exceptions = input.exceptions();
        Register register = exceptions.register()
                .map(r -> new Register(r.fileName(), r.sha256(), r.entries().size(), exceptions.scanDay().toString(),
                        exceptions.expired().stream().map(ExceptionEntry::row).toList(),
                        exceptions.orphans().stream().map(ExceptionEntry::row).toList(),
                        exceptions.nonCompliantWithException(), exceptions.nonCompliantWithoutException()))
                .orElse(null);
        return new RunManifest(MANIFEST_VERSION, scan.scanId(),
                new Tool(scan.toolName(), scan.toolVersion(), options.rendererVersion()),
                new Scan(scan.scanId(), FindingsTable.timestamp(scan.startedAt()), FindingsTable.timestamp(scan.finishedAt()),
                        scan.callerArn(), scan.callerAccountId(), scan.organizationId(), scan.managementAccountId(),
                        scan.delegatedAdministratorId(), scan.partition(), scan.policy().name()),
                new ManifestControl(control.title(), control.securityHubControlId(), control.configRuleName(),
                        control.configRuleIdentifier(), control.cisReferences()),
                scan.parameters().stream()
                        .map(p -> new ManifestParameter(p.name(), p.value(), p.source().name())).toList(),
                previous,
                register,
                new ManifestPopulation(counts.accountsListed(), counts.accountsEvaluated(),
                        counts.accountsNotActive(), counts.accountsExcluded(), counts.accountsFullyCovered(),
                        counts.regions(), counts.rows(), rowsByStatus, counts.coverage().orElse(null),
                        counts.errors()),
                new Result(counts.controlResult().name(), counts.controlResultReason().orElse(null),
                        counts.scanComplete(), reconciliation.result()),
                reconciliation.checks().stream()
                        .map(c -> new Check(c.id(), c.description(), c.expected(), c.actual(), c.result())).toList(),
                files.stream().map(f -> new ManifestFile(f.name(), f.bytes(), f.rows(), f.sha256())).toList());
    }

    /** Writes the manifest, then a final newline, to {@code out}; flushes but does not close it. */
    public void write(OutputStream out) throws IOException {
        WRITER.writeValue(out, this);
        out.write('\n');
        out.flush();
    }
}
