package io.orgscan.bench;

import io.orgscan.simulator.scenario.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The manual procedure: {@code bench/manual-procedure.sh}, a script of AWS CLI calls, one after
 * another, as an auditor would run them. The CLI gets an environment of its own (no user config,
 * credentials file, pager or instance metadata).
 */
final class AwsCliProcedure {
    /** @param lines account-region lines the script printed: one per listing it did */
    record Result(MeasuredProcess.Result process, long lines) {
    }

    private final Path cli;
    private final Path work;

    AwsCliProcedure(Path cli, Path work) {
        this.cli = cli;
        this.work = work;
    }

    /**
     * {@code ORGSCAN_AWS_CLI} if set, else Debian's {@code /usr/bin/aws} (before PATH, where a pyenv
     * shim of aws-cli v1 may shadow it), else {@code aws} on PATH; null when there is none.
     */
    static Path locate() {
        String configured = System.getenv("ORGSCAN_AWS_CLI");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        if (Files.isExecutable(Path.of("/usr/bin/aws"))) {
            return Path.of("/usr/bin/aws");
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "aws"))) {
                return Path.of(dir, "aws");
            }
        }
        return null;
    }

    static String version(Path cli) {
        try {
            Process process = new ProcessBuilder(cli.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor();
            return out;
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    Result run(URI endpoint, Scenario.Credentials credentials) throws IOException, InterruptedException {
        if (cli == null) {
            throw new IllegalStateException("the AWS CLI is needed for the manual procedure: apt-get install -y awscli");
        }
        Files.createDirectories(work);
        Path script = work.resolve("manual-procedure.sh");
        try (InputStream in = AwsCliProcedure.class.getResourceAsStream("/bench/manual-procedure.sh")) {
            if (in == null) {
                throw new IllegalStateException("bench/manual-procedure.sh is not on the test classpath");
            }
            Files.write(script, in.readAllBytes());
        }
        Map<String, String> env = AwsEnvironment.of(work, credentials,
                cli.toAbsolutePath().getParent() + ":/usr/local/bin:/usr/bin:/bin");
        env.put("AWS", cli.toString());
        env.put("ENDPOINT_URL", endpoint.toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_RETRY_MODE", "standard");
        Path out = work.resolve("procedure.out");
        MeasuredProcess.Result result = MeasuredProcess.run(List.of("bash", script.toString()), env, out,
                work.resolve("procedure.err"), 60, null);
        long lines;
        try (var stream = Files.lines(out, StandardCharsets.UTF_8)) {
            lines = stream.filter(line -> !line.isBlank()).count();
        }
        return new Result(result, lines);
    }
}
