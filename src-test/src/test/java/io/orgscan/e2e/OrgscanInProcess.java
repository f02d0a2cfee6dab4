package io.orgscan.e2e;

import io.orgscan.cli.CliContext;
import io.orgscan.cli.Orgscan;
import io.orgscan.scan.ScanCannotStartException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Runs the orgscan command line in-process, as a user would, capturing stdout, stderr and the exit code. */
public final class OrgscanInProcess {
    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }

        /**
         * The one "scan cannot start" line on stderr, asserted to be there once and at most
         * {@link ScanCannotStartException#MAX_LINE} characters long (issue 13: short, complete lines).
         */
        public String startLine() {
            List<String> lines = err.lines().filter(line -> line.startsWith(ScanCannotStartException.LINE_PREFIX)).toList();
            if (lines.size() != 1) {
                throw new AssertionError("expected one \"scan cannot start\" line in: " + err);
            }
            if (lines.get(0).length() > ScanCannotStartException.MAX_LINE) {
                throw new AssertionError("a start-up line of " + lines.get(0).length() + " characters, more than "
                        + ScanCannotStartException.MAX_LINE + ": " + lines.get(0));
            }
            return lines.get(0);
        }
    }

    private OrgscanInProcess() {
    }

    public static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = new Orgscan(new CliContext(outStream, errStream, env, Clock.systemUTC(), false)).run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Runs with an empty environment: enough for everything that needs no AWS credentials. */
    public static Result run(String... args) {
        return run(Map.of(), args);
    }
}
