package io.orgscan.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may touch of the outside world, injected so that tests run orgscan in-process:
 * stdout for results and paths, stderr for progress and diagnostics, the environment, the clock.
 */
public record CliContext(PrintStream out, PrintStream err, Map<String, String> env, Clock clock, boolean terminal) {
    public CliContext {
        env = Map.copyOf(env);
    }

    public static CliContext system() {
        return new CliContext(System.out, System.err, System.getenv(), Clock.systemUTC(), System.console() != null);
    }

    String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
