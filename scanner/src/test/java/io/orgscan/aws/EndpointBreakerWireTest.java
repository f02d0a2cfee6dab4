package io.orgscan.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.model.Failure;
import io.orgscan.scan.ScanLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;

/**
 * The breaker on the wire: the real SDK client, as ClientFactory builds it, against a socket that
 * accepts and never answers. Calls side by side cost about two attempt timeouts in all, not their four
 * attempts each, and a call after that is not sent.
 */
@Timeout(60)
class EndpointBreakerWireTest {
    @Test
    void aSilentEndpointCostsAboutTwoAttemptTimeoutsThenFailsFast() throws Exception {
        Duration attempt = Duration.ofMillis(800);
        try (ServerSocket silent = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI endpoint = URI.create("http://127.0.0.1:" + silent.getLocalPort());
            AwsSettings settings = new AwsSettings(null, "ap-east-2", endpoint, new AwsSettings.StaticKeys("AKIAEXAMPLE", "x", null));
            ScanLimits limits = ScanLimits.of(8).withTimeouts(attempt);
            try (ClientFactory clients = new ClientFactory(settings, limits);
                 AccessAnalyzerClient client = clients.build(AccessAnalyzerClient.builder(), "access-analyzer", Region.of("ap-east-2"),
                         StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "x")), 4)) {
                ExecutorService pool = Executors.newFixedThreadPool(6);
                long started = System.nanoTime();
                List<Future<Failure>> calls = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    calls.add(pool.submit(() -> {
                        try {
                            client.listAnalyzers(r -> { });
                            return null;
                        } catch (RuntimeException e) {
                            return Failures.failure("ListAnalyzers", endpoint, e);
                        }
                    }));
                }
                for (Future<Failure> call : calls) {
                    Failure failure = call.get();
                    assertThat(failure).isNotNull();
                    assertThat(failure.errorCode()).isIn("NetworkTimeout", "EndpointNotAnswering");
                    assertThat(failure.message()).contains(endpoint.toString());
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                pool.shutdown();
                // four attempts each would be 3.2 s; about two attempt timeouts is the bar
                assertThat(took).isLessThan(attempt.multipliedBy(3));
                // One --endpoint-url for every client: the breaker counts this service and region apart.
                assertThat(clients.refusal(clients.endpointName("access-analyzer", Region.of("ap-east-2"))))
                        .contains("endpoint " + endpoint + " (access-analyzer ap-east-2) did not answer (2 attempts in a row"
                        + " timed out); its remaining calls were not sent");
                assertThat(clients.refusal(clients.endpointName("access-analyzer", Region.of("eu-west-1")))).isEmpty();

                long next = System.nanoTime();
                Failure failure;
                try {
                    client.listAnalyzers(r -> { });
                    throw new AssertionError("answered");
                } catch (RuntimeException e) {
                    failure = Failures.failure("ListAnalyzers", endpoint, e);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - next)).isLessThan(Duration.ofMillis(300));
                assertThat(failure.errorCode()).isEqualTo("EndpointNotAnswering");
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }
}
