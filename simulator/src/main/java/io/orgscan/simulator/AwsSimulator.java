package io.orgscan.simulator;

import com.sun.net.httpserver.HttpServer;
import io.orgscan.simulator.service.AccessAnalyzerHandler;
import io.orgscan.simulator.service.Ec2Handler;
import io.orgscan.simulator.service.OrganizationsHandler;
import io.orgscan.simulator.service.StsHandler;
import io.orgscan.simulator.state.AnalyzerStore;
import io.orgscan.simulator.state.CredentialRegistry;
import io.orgscan.simulator.state.FaultPlan;
import io.orgscan.simulator.wire.PageToken;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running simulator: one HTTP endpoint on 127.0.0.1 that answers Organizations, STS, EC2 and IAM
 * Access Analyzer for a scenario. Each instance has its own state (minted credentials, created
 * analyzers, fault counters, stats), so tests can run several side by side.
 */
public final class AwsSimulator implements AutoCloseable {
    /**
     * Latency is a sleep on the handler thread, so concurrency needs threads: 64 clients at 50 ms each
     * already keep 64 threads asleep, and benchmarks go well past that.
     */
    static final int HANDLER_THREADS = 512;
    private static final int BACKLOG = 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final CallStatsRecorder stats;
    private final URI endpoint;

    private AwsSimulator(HttpServer server, ExecutorService executor, CallStatsRecorder stats) {
        this.server = server;
        this.executor = executor;
        this.stats = stats;
        this.endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Starts serving a scenario.
     *
     * @param port      0 picks a free port
     * @param latencyMs added to the scenario's own {@code faults.latencyMs}
     */
    public static AwsSimulator start(Scenario scenario, int port, int latencyMs) throws IOException {
        return start(scenario, port, latencyMs, Clock.systemUTC());
    }

    static AwsSimulator start(Scenario scenario, int port, int latencyMs, Clock clock) throws IOException {
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must not be negative");
        }
        tuneJdkHttpServer();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        PageToken tokens = new PageToken(secret);
        CredentialRegistry credentials = new CredentialRegistry(scenario);
        FaultPlan faults = new FaultPlan(scenario.faults(), latencyMs);
        CallStatsRecorder stats = new CallStatsRecorder();
        Router router = new Router(scenario, List.of(
                new OrganizationsHandler(scenario, tokens),
                new AccessAnalyzerHandler(scenario, new AnalyzerStore(scenario), faults, tokens),
                new StsHandler(scenario, credentials, faults),
                new Ec2Handler(scenario)), credentials, faults, stats, clock);

        // 127.0.0.1 literally: getLoopbackAddress() is ::1 when the JVM prefers IPv6, and endpoint() says 127.0.0.1.
        InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, port), BACKLOG);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(HANDLER_THREADS, HANDLER_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads());
        executor.allowCoreThreadTimeOut(true);
        server.setExecutor(executor);
        server.createContext("/", router);
        server.start();
        return new AwsSimulator(server, executor, stats);
    }

    /**
     * The JDK server reads these once, when its first instance is created. Small responses wait for
     * Nagle's algorithm without TCP_NODELAY (tens of milliseconds each), and the default cap of 200
     * idle connections would close pooled connections of large benchmarks. A value set by the user wins.
     */
    private static void tuneJdkHttpServer() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
            System.setProperty("sun.net.httpserver.maxIdleConnections", "1024");
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "aws-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** {@code http://127.0.0.1:PORT}, the URI to give clients as their endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A snapshot of the calls answered so far; the same data as {@code GET /_stats}. */
    public SimulatorStats stats() {
        return stats.snapshot();
    }

    /** Forgets the calls counted so far (fault counters are not reset). */
    public void resetStats() {
        stats.reset();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
