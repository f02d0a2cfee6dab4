package io.orgscan.e2e;

import io.orgscan.cli.CliContext;
import io.orgscan.cli.Orgscan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Runs the orgscan command line in-process, as a user would, capturing stdout, stderr and the exit code. */
public final class OrgscanInProcess {
    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
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
