package io.orgscan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orgscan.simulator.server.CallStats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The simulator in a JVM of its own, so that the scanner's CPU and memory are measured alone:
 * started from a command line, ready once it prints {@code listening on URL}, stopped by its own
 * process handle.
 */
final class SimulatorProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Counts the simulator answered, as {@code GET /_stats} reports them. */
    /**
     * @param peakInFlight          the most calls the simulator was answering at once since the last reset
     * @param lastAnswerEpochMillis when it gave its latest answer (wall clock), 0 if none
     */
    record Stats(long total, long errors, int peakInFlight, long lastAnswerEpochMillis, Map<String, Long> byOperation,
                 Map<String, Long> byAccount, List<Call> calls) {
        long operation(String name) {
            return byOperation.getOrDefault(name, 0L);
        }

        /** The same counts from a simulator running in this JVM. */
        static Stats of(CallStats stats) {
            return new Stats(stats.total(), stats.errors(), stats.peakInFlight(), stats.lastAnswerEpochMillis(),
                    stats.byOperation(), stats.byAccount(), stats.calls().stream()
                    .map(c -> new Call(c.service(), c.operation(), c.accountId(), c.region(), c.count(), c.errors()))
                    .toList());
        }
    }

    record Call(String service, String operation, String accountId, String region, long count, long errors) {
        String key() {
            return service + ":" + operation;
        }
    }

    private SimulatorProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    static SimulatorProcess start(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String line;
        try {
            line = first.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("the simulator did not start (see " + log + "): " + e, e);
        }
        if (line == null || !line.startsWith("listening on ")) {
            process.destroyForcibly();
            throw new IOException("the simulator did not start (see " + log + "): " + line);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // the simulator prints nothing else on stdout; keep the pipe from filling anyway
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "simulator-stdout");
        drain.setDaemon(true);
        drain.start();
        return new SimulatorProcess(process, URI.create(line.substring("listening on ".length()).trim()));
    }

    URI endpoint() {
        return endpoint;
    }

    long pid() {
        return process.pid();
    }

    double cpuSeconds() {
        return ProcStat.of(process.pid()).map(ProcStat::cpuSeconds).orElse(Double.NaN);
    }

    void resetStats() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint.resolve("/_stats/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("POST /_stats/reset: HTTP " + response.statusCode());
        }
    }

    /** @param withCalls also every (operation, account, region) count: large for large organizations */
    Stats stats(boolean withCalls) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(endpoint.resolve(withCalls ? "/_stats" : "/_stats?summary=true"))
                .timeout(Duration.ofMinutes(2)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET /_stats: HTTP " + response.statusCode());
        }
        JsonNode body = JSON.readTree(response.body());
        List<Call> calls = new ArrayList<>();
        if (withCalls) {
            for (JsonNode call : body.path("calls")) {
                calls.add(new Call(call.path("service").asText(), call.path("operation").asText(),
                        call.path("accountId").asText(), call.path("region").asText(),
                        call.path("count").asLong(), call.path("errors").asLong()));
            }
        }
        return new Stats(body.path("total").asLong(), body.path("errors").asLong(), body.path("peakInFlight").asInt(),
                body.path("lastAnswerEpochMillis").asLong(),
                counts(body.path("operations")),
                counts(body.path("accounts")), List.copyOf(calls));
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> counts = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
