package io.orgscan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "orgscan",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.class,
        description = "Is IAM Access Analyzer enabled in every region of every account of the AWS Organization?%n"
                + "(CIS AWS Foundations 'Ensure that IAM Access analyzer is enabled for all regions'; Security Hub IAM.28)",
        subcommands = {ScanCommand.class, ReportCommand.class, PlanCommand.class, RemediateCommand.class, DemoCommand.class, SimulateCommand.class},
        footer = {"", "Exit codes: 0 all compliant, 1 internal error, 2 usage or input error / scan cannot start,",
                "3 non-compliant cells, 4 insufficient data (incomplete scan)."})
final class OrgscanCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: scan, report, plan, remediate, demo or simulate");
    }
}
