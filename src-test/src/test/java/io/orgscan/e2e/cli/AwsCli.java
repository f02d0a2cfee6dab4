package io.orgscan.e2e.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The AWS CLI run as a subprocess against one endpoint, with an environment of its own: no user
 * profile, config, credential file, pager or instance metadata can leak in. Each call names its
 * credentials and region; the CLI's own pagination and retries (standard mode) are left on.
 */
final class AwsCli {
    static final String INSTALL_HINT = "apt-get install -y awscli";
    /** Attempts per call, as AWS_MAX_ATTEMPTS: standard mode's default, spelled out because tests count them. */
    static final int MAX_ATTEMPTS = 3;

    private final Path executable;
    private final URI endpoint;
    private final Path home;
    private final Path emptyConfig;
    private final Path emptyCredentials;
    private final Duration timeout;
    private final AtomicInteger sequence = new AtomicInteger();

    AwsCli(Path executable, URI endpoint, Path workDir, Duration timeout) {
        this.executable = executable;
        this.endpoint = endpoint;
        this.timeout = timeout;
        try {
            this.home = Files.createDirectories(workDir.resolve("home"));
            this.emptyConfig = Files.writeString(workDir.resolve("empty-config"), "");
            this.emptyCredentials = Files.writeString(workDir.resolve("empty-credentials"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code ORGSCAN_AWS_CLI} if set (it must then be executable: a wrong setting is an error, not a
     * skip), else Debian's {@code /usr/bin/aws}, else the first {@code aws} on PATH. /usr/bin/aws
     * comes before PATH because a pyenv shim of aws-cli v1 may shadow it there.
     */
    static Optional<Path> locate() {
        String configured = System.getenv("ORGSCAN_AWS_CLI");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("ORGSCAN_AWS_CLI=" + configured + " is not an executable file");
            }
            return Optional.of(path);
        }
        Path debian = Path.of("/usr/bin/aws");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, "aws");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    Path executable() {
        return executable;
    }

    /** {@code aws --version}, which needs neither credentials nor an endpoint. */
    String version() {
        CliResult result = exec(List.of(executable.toString(), "--version"), null);
        return (result.stdout() + result.stderr()).trim();
    }

    /** Runs {@code aws --endpoint-url ... --region REGION --output json ARGS...} with these credentials. */
    CliResult run(CliCredentials credentials, String region, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.add("--endpoint-url");
        command.add(endpoint.toString());
        command.add("--region");
        command.add(region);
        command.add("--output");
        command.add("json");
        command.add("--cli-connect-timeout");
        command.add("5");
        command.add("--cli-read-timeout");
        command.add("20");
        command.addAll(List.of(args));
        return exec(command, credentials);
    }

    private CliResult exec(List<String> command, CliCredentials credentials) {
        int n = sequence.incrementAndGet();
        Path out = home.resolveSibling("call-" + n + ".out");
        Path err = home.resolveSibling("call-" + n + ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", executable.toAbsolutePath().getParent() + ":/usr/local/bin:/usr/bin:/bin");
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("PYTHONIOENCODING", "utf-8");
        env.put("AWS_CONFIG_FILE", emptyConfig.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", emptyCredentials.toString());
        env.put("AWS_PAGER", "");
        env.put("AWS_CLI_AUTO_PROMPT", "off");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_RETRY_MODE", "standard");
        env.put("AWS_MAX_ATTEMPTS", Integer.toString(MAX_ATTEMPTS));
        if (credentials != null) {
            env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
            env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
            if (credentials.sessionToken() != null) {
                env.put("AWS_SESSION_TOKEN", credentials.sessionToken());
            }
        }
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("timed out after " + timeout + ": " + redacted(command));
            }
            return new CliResult(redacted(command), process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The command line for failure messages: the executable's name instead of its path. */
    private static List<String> redacted(List<String> command) {
        List<String> copy = new ArrayList<>(command);
        copy.set(0, "aws");
        return List.copyOf(copy);
    }
}
