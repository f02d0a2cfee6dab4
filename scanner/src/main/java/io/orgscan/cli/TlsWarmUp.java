package io.orgscan.cli;

import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Loads the JDK's TLS trust store on a thread of its own while the command line is parsed. The AWS
 * SDK's HTTP client loads it (some 150 certificates) when the first client is built, a tenth of a
 * second on the path to a scan's first call; the JDK caches it, so the client then finds it loaded.
 * Only for the commands that call AWS: {@code report} would gain nothing and lose a little CPU.
 */
final class TlsWarmUp {
    private static final Set<String> CALLING_AWS = Set.of("scan", "demo");

    private TlsWarmUp() {
    }

    /** Starts loading it if the command calls AWS; returns the thread that does, if any. */
    static Optional<Thread> startFor(String[] args) {
        if (args.length == 0 || !CALLING_AWS.contains(args[0])) {
            return Optional.empty();
        }
        Thread thread = new Thread(TlsWarmUp::load, "orgscan-tls-warm-up");
        thread.setDaemon(true);
        thread.start();
        return Optional.of(thread);
    }

    private static void load() {
        try {
            SSLContext.getInstance("TLS").init(null, null, null);
        } catch (GeneralSecurityException | RuntimeException ignored) {
            // The SDK's client meets the same failure when it is built, and reports it there.
        }
    }
}
