package io.orgscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.SyntheticOrganization;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Many clients at once against a large synthetic organization with latency: the handler pool must
 * serve them in parallel (latency is a sleep per request), counts must be exact, nothing may fail.
 */
class ConcurrencyTest {
    private static final int CLIENTS = 96;
    private static final int REQUESTS_PER_CLIENT = 20;
    private static final int LATENCY_MS = 50;

    @Test
    void servesManyConcurrentClientsInParallelWithExactCounts() throws Exception {
        Scenario scenario = SyntheticOrganization.generate(5, 2_000, 20);
        String key = scenario.credentials().get(0).accessKeyId();
        List<String> regions = List.copyOf(scenario.regionNames()).subList(0, 17); // the default regions
        AtomicInteger failures = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (AwsSimulator simulator = AwsSimulator.start(scenario, 0, LATENCY_MS)) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clients).build();
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String region = regions.get(c % regions.size());
                tasks.add(() -> {
                    HttpRequest request = HttpRequest.newBuilder(simulator.endpoint().resolve("/analyzer?maxResults=10"))
                            .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + key + "/20260101/" + region
                                    + "/access-analyzer/aws4_request, SignedHeaders=host, Signature=00").GET().build();
                    for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
                        if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            ExecutorService drivers = Executors.newFixedThreadPool(CLIENTS);
            long start = System.nanoTime();
            try {
                for (Future<Void> done : drivers.invokeAll(tasks)) {
                    done.get();
                }
            } finally {
                drivers.shutdownNow();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(failures).hasValue(0);
            assertThat(simulator.stats().total()).isEqualTo((long) CLIENTS * REQUESTS_PER_CLIENT);
            assertThat(simulator.stats().count("access-analyzer", "ListAnalyzers", scenario.managementAccountId()))
                    .isEqualTo((long) CLIENTS * REQUESTS_PER_CLIENT);
            // Serially this is 96 x 20 x 50 ms = 96 s; in parallel about 1 s plus overhead.
            assertThat(millis).as("elapsed ms").isLessThan(20_000);
        } finally {
            clients.shutdownNow();
        }
    }
}
