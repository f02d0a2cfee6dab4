package io.orgscan.simulator;

import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.server.CallStats;
import io.orgscan.simulator.server.CallStatsRecorder;
import io.orgscan.simulator.server.Router;
import io.orgscan.simulator.server.SimHttpServer;
import io.orgscan.simulator.service.AccessAnalyzerHandler;
import io.orgscan.simulator.service.Ec2Handler;
import io.orgscan.simulator.service.OrganizationsHandler;
import io.orgscan.simulator.service.SecurityHubHandler;
import io.orgscan.simulator.service.StsHandler;
import io.orgscan.simulator.state.AnalyzerStore;
import io.orgscan.simulator.state.CredentialRegistry;
import io.orgscan.simulator.state.FaultInjector;
import io.orgscan.simulator.state.SecurityHubImports;
import io.orgscan.simulator.wire.PageToken;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * A running simulator: one HTTP endpoint on 127.0.0.1 that answers Organizations, STS, EC2 and IAM
 * Access Analyzer for a scenario, and Security Hub's BatchImportFindings for tests of findings.asff.json. Each instance has its own state (minted credentials, created
 * analyzers, fault counters, stats), so tests can run several side by side.
 */
public final class AwsSimulator implements AutoCloseable {
    private final SimHttpServer server;
    private final CallStatsRecorder stats;
    private final URI endpoint;
    private final SecurityHubImports securityHubImports;

    private AwsSimulator(SimHttpServer server, CallStatsRecorder stats, SecurityHubImports securityHubImports) {
        this.server = server;
        this.stats = stats;
        this.securityHubImports = securityHubImports;
        this.endpoint = URI.create("http://127.0.0.1:" + server.port());
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
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        PageToken tokens = new PageToken(secret);
        CredentialRegistry credentials = new CredentialRegistry(scenario);
        FaultInjector faults = new FaultInjector(scenario.faults(), latencyMs);
        CallStatsRecorder stats = new CallStatsRecorder();
        SecurityHubImports securityHubImports = new SecurityHubImports();
        Router router = new Router(scenario, List.of(
                new OrganizationsHandler(scenario, tokens),
                new AccessAnalyzerHandler(scenario, new AnalyzerStore(scenario), faults, tokens),
                new StsHandler(scenario, credentials, faults),
                new Ec2Handler(scenario),
                new SecurityHubHandler(securityHubImports)), credentials, faults, stats, clock);
        return new AwsSimulator(SimHttpServer.start(port, router), stats, securityHubImports);
    }

    /** {@code http://127.0.0.1:PORT}, the URI to give clients as their endpoint override. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return server.port();
    }

    /** A snapshot of the calls answered so far; the same data as {@code GET /_stats}. */
    public CallStats stats() {
        return stats.snapshot();
    }

    /** Every Security Hub BatchImportFindings request answered so far, bodies as received, in arrival order. */
    public List<SecurityHubImports.Import> securityHubImports() {
        return securityHubImports.all();
    }

    /** Forgets the calls counted so far (fault counters are not reset). */
    public void resetStats() {
        stats.reset();
    }

    @Override
    public void close() {
        server.close();
    }
}
