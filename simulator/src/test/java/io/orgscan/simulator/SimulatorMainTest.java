package io.orgscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.simulator.scenario.SyntheticOrganization;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SimulatorMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port 80000 --synthetic 5|--port must be between 0 and 65535, got 80000",
        "--synthetic 5 --scenario x.json|give exactly one of --scenario FILE or --synthetic N",
        "--port 0|give exactly one of --scenario FILE or --synthetic N",
        "--synthetic|--synthetic needs a value",
        "--synthetic five|--synthetic must be a whole number, got \"five\"",
        "--frobnicate|unknown option --frobnicate",
        "--scenario does-not-exist.json|does-not-exist.json: scenario file not found",
    })
    void badInputIsOneLineAndExitCodeTwo(String args, String message) {
        int code = run(args.split(" "));

        assertThat(code).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        String error = err.toString(StandardCharsets.UTF_8);
        assertThat(error).startsWith("orgscan-simulator: ").contains(message).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(error.strip().lines()).hasSize(1);
    }

    @Test
    void aBadRespondRuleIsOneLineAndExitCodeTwo() {
        int code = run("--synthetic", "2", "--respond", "explode:sts");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("orgscan-simulator: unknown response fault mode \"explode\"").contains("html-502").doesNotContain("\n");
    }

    @Test
    void aRespondRuleNamingAnAccountOutsideTheScenarioIsOneLineAndExitCodeTwo() {
        int code = run("--synthetic", "2", "--respond", "empty:ec2:DescribeRegions:999999999999");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("orgscan-simulator: ")
                .contains("faults.responses").doesNotContain("\n");
    }

    @Test
    void aPortInUseIsOneLineAndExitCodeTwo() throws Exception {
        try (AwsSimulator taken = AwsSimulator.start(SyntheticOrganization.generate(1, 2, 0), 0, 0)) {
            int code = run("--synthetic", "2", "--port", Integer.toString(taken.port()));

            assertThat(code).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).strip())
                    .startsWith("orgscan-simulator: cannot listen on 127.0.0.1:" + taken.port()).doesNotContain("\n");
        }
    }

    @Test
    void printsTheListeningLineAndServesUntilInterrupted() throws Exception {
        CompletableFuture<Integer> code = new CompletableFuture<>();
        Thread server = new Thread(() -> code.complete(run("--synthetic", "20", "--ous", "3", "--seed", "9", "--port", "0", "--latency-ms", "1")));
        server.start();
        try {
            String line = awaitLine();
            Matcher matcher = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(line);
            assertThat(matcher.matches()).as(line).isTrue();
            HttpResponse<String> stats = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(matcher.group(1) + "/_stats")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stats.statusCode()).isEqualTo(200);
        } finally {
            server.interrupt();
        }
        assertThat(code.get(10, TimeUnit.SECONDS)).isZero();
    }

    private String awaitLine() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            String text = out.toString(StandardCharsets.UTF_8);
            if (text.endsWith("\n")) {
                return text.strip();
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no listening line; stderr: " + err.toString(StandardCharsets.UTF_8));
    }
}
