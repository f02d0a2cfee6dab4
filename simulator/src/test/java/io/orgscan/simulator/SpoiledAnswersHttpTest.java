package io.orgscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orgscan.simulator.scenario.Faults;
import io.orgscan.simulator.scenario.MinimalScenario;
import io.orgscan.simulator.scenario.ResponseMode;
import io.orgscan.simulator.scenario.ScenarioException;
import io.orgscan.simulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** faults.responses on the wire, without any AWS client: what each mode puts on the connection. */
class SpoiledAnswersHttpTest {
    private static final String KEY = "AKIATESTTESTTEST0001";
    private static final String ORGANIZATIONS_REQUEST_BODY = "{\"ParentId\":\"r-abcd\"}";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static AwsSimulator simulator(Faults.ResponseRule rule) throws IOException {
        return AwsSimulator.start(MinimalScenario.parse().withFaults(Faults.NONE.withResponse(rule)), 0, 0);
    }

    private static Faults.ResponseRule listAccounts(ResponseMode mode, Integer calls) {
        return new Faults.ResponseRule("organizations", "ListAccountsForParent", null, null, mode, calls);
    }

    private HttpResponse<String> listAccounts(AwsSimulator target) throws Exception {
        return http.send(HttpRequest.newBuilder(target.endpoint().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSOrganizationsV20161128.ListAccountsForParent")
                .header("Authorization", authorization("organizations"))
                .POST(HttpRequest.BodyPublishers.ofString(ORGANIZATIONS_REQUEST_BODY)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> getCallerIdentity(AwsSimulator target) throws Exception {
        return http.send(HttpRequest.newBuilder(target.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", authorization("sts"))
                .POST(HttpRequest.BodyPublishers.ofString("Action=GetCallerIdentity&Version=2011-06-15")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String authorization(String service) {
        return "AWS4-HMAC-SHA256 Credential=" + KEY + "/20260101/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd";
    }

    /** The raw ListAccountsForParent request, for the modes that break the connection. */
    private static Socket rawListAccounts(AwsSimulator target) throws IOException {
        Socket socket = new Socket("127.0.0.1", target.port());
        String request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.1\r\n"
                + "X-Amz-Target: AWSOrganizationsV20161128.ListAccountsForParent\r\nAuthorization: " + authorization("organizations")
                + "\r\nContent-Length: " + ORGANIZATIONS_REQUEST_BODY.length() + "\r\n\r\n" + ORGANIZATIONS_REQUEST_BODY;
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    @Test
    void noDefaultRegionsDropsTheOptInNotRequiredRegionsOfDescribeRegionsAndKeepsTheRest() throws Exception {
        try (AwsSimulator plain = AwsSimulator.start(MinimalScenario.parse(), 0, 0);
             AwsSimulator spoiled = simulator(new Faults.ResponseRule("ec2", "DescribeRegions", null, null,
                     ResponseMode.NO_DEFAULT_REGIONS, null))) {
            String real = describeRegions(plain).body();
            HttpResponse<String> answer = describeRegions(spoiled);

            assertThat(real).contains("<regionName>us-east-1</regionName>").contains("opt-in-not-required")
                    .contains("<regionName>af-south-1</regionName>");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).doesNotContain("us-east-1").doesNotContain("opt-in-not-required")
                    .contains("<regionName>af-south-1</regionName>").contains("<optInStatus>not-opted-in</optInStatus>")
                    .contains("</regionInfo>").endsWith("</DescribeRegionsResponse>");
        }
    }

    @Test
    void noDefaultRegionsIsForDescribeRegionsOnly() {
        assertThatThrownBy(() -> Faults.ResponseRule.parse("no-default-regions:ec2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ec2 DescribeRegions only");
        assertThat(Faults.ResponseRule.parse("no-default-regions:ec2:DescribeRegions:222222222222").mode())
                .isEqualTo(ResponseMode.NO_DEFAULT_REGIONS);
    }

    private HttpResponse<String> describeRegions(AwsSimulator target) throws Exception {
        return http.send(HttpRequest.newBuilder(target.endpoint().resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", authorization("ec2"))
                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeRegions&Version=2016-11-15&AllRegions=true"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void emptyAndEmptyObjectAnswersAre200s() throws Exception {
        try (AwsSimulator empty = simulator(listAccounts(ResponseMode.EMPTY, null));
             AwsSimulator object = simulator(listAccounts(ResponseMode.EMPTY_OBJECT, null))) {
            HttpResponse<String> none = listAccounts(empty);
            assertThat(none.statusCode()).isEqualTo(200);
            assertThat(none.body()).isEmpty();
            HttpResponse<String> braces = listAccounts(object);
            assertThat(braces.statusCode()).isEqualTo(200);
            assertThat(braces.body()).isEqualTo("{}");
            assertThat(braces.headers().firstValue("x-amzn-RequestId")).isEmpty();
        }
    }

    @Test
    void anEmptyObjectInXmlIsTheAnswersRootElementWithNothingInIt() throws Exception {
        try (AwsSimulator sim = simulator(new Faults.ResponseRule("sts", "GetCallerIdentity", null, null, ResponseMode.EMPTY_OBJECT, null))) {
            HttpResponse<String> answer = getCallerIdentity(sim);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).endsWith("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "</GetCallerIdentityResponse>");
        }
    }

    @Test
    void malformedAndTruncatedAnswersDoNotParse() throws Exception {
        try (AwsSimulator malformed = simulator(listAccounts(ResponseMode.MALFORMED, null));
             AwsSimulator truncated = simulator(listAccounts(ResponseMode.TRUNCATED, null));
             AwsSimulator real = AwsSimulator.start(MinimalScenario.parse(), 0, 0)) {
            assertThat(listAccounts(malformed).statusCode()).isEqualTo(200);
            assertThat(listAccounts(malformed).body()).startsWith("{\"not json\"");
            String whole = listAccounts(real).body();
            HttpResponse<String> cut = listAccounts(truncated);
            assertThat(cut.statusCode()).isEqualTo(200);
            assertThat(cut.body()).isEqualTo(whole.substring(0, whole.length() / 2));
        }
    }

    @Test
    void aProxysHtmlPagesCarryTheirStatus() throws Exception {
        try (AwsSimulator bad = simulator(listAccounts(ResponseMode.HTML_502, null));
             AwsSimulator unavailable = simulator(listAccounts(ResponseMode.HTML_503, null))) {
            HttpResponse<String> gateway = listAccounts(bad);
            assertThat(gateway.statusCode()).isEqualTo(502);
            assertThat(gateway.headers().firstValue("Content-Type")).contains("text/html");
            assertThat(gateway.body()).contains("<h1>502 Bad Gateway</h1>");
            assertThat(listAccounts(unavailable).statusCode()).isEqualTo(503);
        }
    }

    @Test
    void onlyTheFirstCallsAreSpoiledAndOnlyMatchingOnes() throws Exception {
        try (AwsSimulator sim = simulator(listAccounts(ResponseMode.HTML_502, 2))) {
            assertThat(getCallerIdentity(sim).statusCode()).isEqualTo(200);
            assertThat(listAccounts(sim).statusCode()).isEqualTo(502);
            assertThat(listAccounts(sim).statusCode()).isEqualTo(502);
            assertThat(listAccounts(sim).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void closeMidBodySendsHalfOfWhatContentLengthPromises() throws Exception {
        try (AwsSimulator sim = simulator(listAccounts(ResponseMode.CLOSE_MID_BODY, null));
             Socket socket = rawListAccounts(sim)) {
            socket.setSoTimeout(10_000);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int split = answer.indexOf("\r\n\r\n");
            String head = answer.substring(0, split).toLowerCase(Locale.ROOT);
            int promised = Integer.parseInt(head.replaceAll("(?s).*content-length: (\\d+).*", "$1"));
            assertThat(head).startsWith("http/1.1 200");
            assertThat(answer.length() - split - 4).isEqualTo(promised / 2).isLessThan(promised);
        }
    }

    @Test
    void resetResetsTheConnection() throws Exception {
        try (AwsSimulator sim = simulator(listAccounts(ResponseMode.RESET, null));
             Socket socket = rawListAccounts(sim)) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            assertThatThrownBy(() -> in.read()).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
    }

    @Test
    void hangSendsNothingAndFreesTheConnectionWhenTheClientCloses() throws Exception {
        try (AwsSimulator sim = simulator(listAccounts(ResponseMode.HANG, 1))) {
            try (Socket socket = rawListAccounts(sim)) {
                socket.setSoTimeout(500);
                assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            }
            // The client gave up; its connection's thread is free and the simulator answers the next call.
            assertThat(listAccounts(sim).statusCode()).isEqualTo(200);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (busyConnectionThreads() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(busyConnectionThreads()).isZero();
        }
    }

    /** Simulator connection threads inside the hang's wait (reading a socket in awaitClose). */
    private static long busyConnectionThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("aws-simulator-"))
                .filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("awaitClose")))
                .count();
    }

    @Test
    void scenariosDeclareResponseRules() throws Exception {
        var scenario = ScenarioLoader.parse(MinimalScenario.JSON.replaceFirst("\\}\\s*$", """
                , "faults": {"responses": [{"service": "ec2", "operation": "DescribeRegions", "account": "222222222222",
                                            "mode": "empty-object", "calls": 3},
                                           {"service": "access-analyzer", "region": "af-south-1", "mode": "html-502"}]}}
                """), "responses.json");
        assertThat(scenario.faults().responses()).containsExactly(
                new Faults.ResponseRule("ec2", "DescribeRegions", "222222222222", null, ResponseMode.EMPTY_OBJECT, 3),
                new Faults.ResponseRule("access-analyzer", null, null, "af-south-1", ResponseMode.HTML_502, null));
        assertThatThrownBy(() -> ScenarioLoader.parse(MinimalScenario.JSON.replaceFirst("\\}\\s*$",
                ", \"faults\": {\"responses\": [{\"service\": \"ec2\", \"mode\": \"explode\"}]}}"), "bad.json"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("faults.responses[0].mode")
                .hasMessageContaining("close-mid-body");
        assertThatThrownBy(() -> ScenarioLoader.parse(MinimalScenario.JSON.replaceFirst("\\}\\s*$",
                ", \"faults\": {\"responses\": [{\"account\": \"999999999999\", \"mode\": \"empty\"}]}}"), "bad.json"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("faults.responses");
    }

    @Test
    void theCommandLineRuleNamesModeServiceOperationAccountRegionCalls() {
        assertThat(Faults.ResponseRule.parse("html-503:organizations:ListRoots"))
                .isEqualTo(new Faults.ResponseRule("organizations", "ListRoots", null, null, ResponseMode.HTML_503, null));
        assertThat(Faults.ResponseRule.parse("hang:access-analyzer:*:222222222222:af-south-1:1"))
                .isEqualTo(new Faults.ResponseRule("access-analyzer", null, "222222222222", "af-south-1", ResponseMode.HANG, 1));
        assertThatThrownBy(() -> Faults.ResponseRule.parse("empty")).hasMessageContaining("MODE:SERVICE");
        assertThatThrownBy(() -> Faults.ResponseRule.parse("boom:sts")).hasMessageContaining("unknown response fault mode");
    }
}
