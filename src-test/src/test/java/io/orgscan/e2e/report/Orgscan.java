package io.orgscan.e2e.report;

import io.orgscan.cli.CliContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** Runs the orgscan command line in-process, capturing stdout, stderr and the exit code. */
final class Orgscan {
    record Result(int exitCode, String out, String err) {
    }

    private Orgscan() {
    }

    static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = new io.orgscan.cli.Orgscan(new CliContext(outStream, errStream, env, Clock.systemUTC(), false))
                    .run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    static Result run(String... args) {
        return run(Map.of(), args);
    }
}
