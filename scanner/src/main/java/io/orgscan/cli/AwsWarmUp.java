package io.orgscan.cli;

import io.orgscan.aws.SdkWarmUp;
import java.util.Optional;
import java.util.Set;

/**
 * Runs {@link SdkWarmUp} on a thread of its own while the command line is parsed, for the commands
 * that call AWS: {@code report} would gain nothing and lose a little CPU.
 */
final class AwsWarmUp {
    private static final Set<String> CALLING_AWS = Set.of("scan", "demo");

    private AwsWarmUp() {
    }

    /** Starts the warm-up if the command calls AWS; returns the thread that runs it, if any. */
    static Optional<Thread> startFor(String[] args) {
        if (args.length == 0 || !CALLING_AWS.contains(args[0])) {
            return Optional.empty();
        }
        Thread thread = new Thread(SdkWarmUp::run, "orgscan-aws-warm-up");
        thread.setDaemon(true);
        thread.start();
        return Optional.of(thread);
    }
}
