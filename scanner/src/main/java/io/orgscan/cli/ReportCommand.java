package io.orgscan.cli;

import io.orgscan.model.ScanResult;
import io.orgscan.report.json.ScanFileException;
import io.orgscan.report.json.ScanJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Render every report again from a saved scan.json, without credentials or AWS calls.")
final class ReportCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "SCAN.json", description = "The scan.json of an earlier scan.")
    Path scanFile;

    @Option(names = "--out-dir", paramLabel = "DIR", required = true, description = "Folder for the reports.")
    Path outDir;

    @Option(names = "--format", paramLabel = "FORMAT[,FORMAT...]", defaultValue = "json,csv,xlsx",
            description = "Reports to write: json, csv, xlsx. Default: all.")
    java.util.List<String> formats = new java.util.ArrayList<>();

    @Option(names = "--debug", description = "Show stack traces of errors.")
    boolean debug;

    ReportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws UsageException {
        ScopeOptions formatOnly = new ScopeOptions();
        formatOnly.formats = formats;
        var chosen = formatOnly.outputFormats();
        ScanResult result;
        try {
            result = ScanJson.read(scanFile);
        } catch (ScanFileException e) {
            throw new UsageException(e.getMessage(), e);
        }
        return new ScanJob(context).write(result, InputChecks.writableDirectory("--out-dir", outDir), chosen);
    }
}
