package io.orgscan.cli;

import io.orgscan.model.CoveragePolicy;
import io.orgscan.report.folder.OutputFormat;
import io.orgscan.scan.ScanScope;
import io.orgscan.scan.ScpDeniedRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** What to scan and how to judge it: shared by {@code scan} and {@code demo}. */
final class ScopeOptions {
    @Option(names = "--accounts", paramLabel = "ID[,ID...]", description = "Only these accounts (others are reported as EXCLUDED).")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--exclude-accounts", paramLabel = "ID[,ID...]", description = "Leave these accounts out (reported as EXCLUDED).")
    List<String> excludeAccounts = new ArrayList<>();

    @Option(names = "--ous", paramLabel = "OU[,OU...]", description = "Only accounts under these OUs or roots, subtrees included.")
    List<String> ous = new ArrayList<>();

    @Option(names = "--regions", paramLabel = "REGION[,REGION...]", description = "Only these regions (default: every region AWS lists).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--exclude-regions", paramLabel = "REGION[,REGION...]", description = "Leave these regions out (reported as EXCLUDED).")
    List<String> excludeRegions = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "org|account", defaultValue = "org",
            description = "org: an organization analyzer of the management account or delegated administrator covers members (default). "
                    + "account: only an account's own analyzers count (Security Hub IAM.28's reading).")
    String policy;

    @Option(names = "--scp-denied-regions", paramLabel = "report-only|not-applicable", defaultValue = "report-only",
            description = "report-only: cells keep the status their calls gave (default); the summary counts those in regions "
                    + "where a service control policy denied a call. not-applicable: read the organization's SCPs "
                    + "(organizations:ListPolicies, DescribePolicy, ListTargetsForPolicy) and make a cell that is not "
                    + "COMPLIANT NOT_APPLICABLE where a region-deny statement on the account's path denies the region.")
    String scpDeniedRegions;

    @Option(names = "--max-parallel", paramLabel = "N", defaultValue = "128",
            description = "AWS calls in flight at most (default ${DEFAULT-VALUE}; docs/BENCHMARKS.md says why).")
    int maxParallel;

    @Option(names = "--format", paramLabel = "FORMAT[,FORMAT...]", defaultValue = "json,csv,xlsx,ocsf",
            description = "Reports to write: json (scan.json), csv (every CSV), xlsx (coverage.xlsx), ocsf "
                    + "(findings.ocsf.json), asff (findings.asff.json for Security Hub), junit (junit.xml for CI "
                    + "servers). Default: ${DEFAULT-VALUE}. "
                    + "run_manifest.json and SHA256SUMS are always written.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    ScanScope scope() throws UsageException {
        return new ScanScope(
                Set.copyOf(InputChecks.accountIds("--accounts", accounts)),
                Set.copyOf(InputChecks.accountIds("--exclude-accounts", excludeAccounts)),
                Set.copyOf(InputChecks.ouIds("--ous", ous)),
                InputChecks.regions("--regions", regions),
                Set.copyOf(InputChecks.regions("--exclude-regions", excludeRegions)));
    }

    CoveragePolicy coveragePolicy() throws UsageException {
        return InputChecks.choice("--policy", policy, CoveragePolicy.class);
    }

    ScpDeniedRegions scpDeniedRegions() throws UsageException {
        return ScpDeniedRegions.fromOption(scpDeniedRegions).orElseThrow(() -> new UsageException(
                "--scp-denied-regions: '" + scpDeniedRegions + "' is not one of [report-only, not-applicable]"));
    }

    int parallelism() throws UsageException {
        return InputChecks.range("--max-parallel", maxParallel, 1, 512);
    }

    Set<OutputFormat> outputFormats() throws UsageException {
        return InputChecks.formats(formats);
    }
}
