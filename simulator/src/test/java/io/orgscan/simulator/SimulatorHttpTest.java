package io.orgscan.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orgscan.simulator.scenario.Faults;
import io.orgscan.simulator.scenario.MinimalScenario;
import io.orgscan.simulator.server.CallStats;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator over plain HTTP, without any AWS client: envelopes, the test hooks and connection handling. */
class SimulatorHttpTest {
    private static final String MANAGEMENT_KEY = "AKIATESTTESTTEST0001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private AwsSimulator simulator;

    @BeforeEach
    void start() throws Exception {
        simulator = AwsSimulator.start(MinimalScenario.parse(), 0, 0);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private static String authorization(String key, String region, String service) {
        return "AWS4-HMAC-SHA256 Credential=" + key + "/20260101/" + region + "/" + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd";
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder post(String body, String contentType) {
        return HttpRequest.newBuilder(simulator.endpoint().resolve("/"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void bindsTheLoopbackAddress() {
        assertThat(simulator.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + simulator.port()));
    }

    @Test
    void unsignedRequestsAreRefusedInEachProtocol() throws Exception {
        HttpResponse<String> organizations = send(post("{}", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSOrganizationsV20161128.ListAccounts"));
        HttpResponse<String> sts = send(post("Action=GetCallerIdentity&Version=2011-06-15", "application/x-www-form-urlencoded; charset=utf-8"));
        HttpResponse<String> ec2 = send(post("Action=DescribeRegions&Version=2016-11-15", "application/x-www-form-urlencoded; charset=utf-8"));
        HttpResponse<String> analyzer = send(HttpRequest.newBuilder(simulator.endpoint().resolve("/analyzer?type=ACCOUNT")).GET());

        assertThat(organizations.statusCode()).isEqualTo(400);
        assertThat(organizations.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(JSON.readTree(organizations.body()).get("__type").asText()).isEqualTo("MissingAuthenticationTokenException");
        assertThat(sts.statusCode()).isEqualTo(403);
        assertThat(sts.body()).contains("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">",
                "<Type>Sender</Type>", "<Code>MissingAuthenticationToken</Code>", "<RequestId>");
        assertThat(ec2.statusCode()).isEqualTo(401);
        assertThat(ec2.body()).contains("<Response><Errors><Error><Code>MissingAuthenticationToken</Code>", "<RequestID>");
        assertThat(analyzer.statusCode()).isEqualTo(403);
        assertThat(analyzer.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(JSON.readTree(analyzer.body()).get("message").asText()).isEqualTo("Missing Authentication Token");

        CallStats stats = simulator.stats();
        assertThat(stats.total()).isEqualTo(4);
        assertThat(stats.errors()).isEqualTo(4);
        assertThat(stats.calls()).allSatisfy(call -> assertThat(call.accountId()).isEmpty());
        assertThat(stats.count("ec2", "DescribeRegions")).isEqualTo(1);
    }

    @Test
    void malformedAuthorizationIsAnIncompleteSignature() throws Exception {
        HttpResponse<String> response = send(post("Action=GetCallerIdentity&Version=2011-06-15", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=garbage"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>IncompleteSignature</Code>");
    }

    @Test
    void unknownServicesAreNamed() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(simulator.endpoint().resolve("/bucket"))
                .header("Authorization", authorization(MANAGEMENT_KEY, "us-east-1", "s3")).GET());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UnknownServiceException", "s3");
    }

    @Test
    void statsNeedNoAuthorizationAndAggregateCalls() throws Exception {
        for (int i = 0; i < 2; i++) {
            send(post("Action=GetCallerIdentity&Version=2011-06-15", "application/x-www-form-urlencoded")
                    .header("Authorization", authorization(MANAGEMENT_KEY, "eu-west-1", "sts")));
        }
        send(HttpRequest.newBuilder(simulator.endpoint().resolve("/analyzer"))
                .header("Authorization", authorization(MANAGEMENT_KEY, "us-east-1", "access-analyzer")).GET());

        JsonNode stats = JSON.readTree(send(HttpRequest.newBuilder(simulator.endpoint().resolve("/_stats")).GET()).body());
        assertThat(stats.get("total").asLong()).isEqualTo(3);
        assertThat(stats.get("services").get("sts").asLong()).isEqualTo(2);
        assertThat(stats.get("operations").get("sts:GetCallerIdentity").asLong()).isEqualTo(2);
        assertThat(stats.get("operations").get("access-analyzer:ListAnalyzers").asLong()).isEqualTo(1);
        assertThat(stats.get("accounts").get("111111111111").asLong()).isEqualTo(3);
        assertThat(stats.get("calls")).hasSize(2);
        JsonNode first = stats.get("calls").get(0);
        assertThat(first.get("service").asText()).isEqualTo("access-analyzer");
        assertThat(first.get("accountId").asText()).isEqualTo("111111111111");
        assertThat(first.get("region").asText()).isEqualTo("us-east-1");
        assertThat(first.get("count").asLong()).isEqualTo(1);
        assertThat(first.get("errors").asLong()).isZero();

        JsonNode summary = JSON.readTree(send(HttpRequest.newBuilder(simulator.endpoint().resolve("/_stats?summary=true")).GET()).body());
        assertThat(summary.has("calls")).isFalse();
        assertThat(summary.get("total").asLong()).isEqualTo(3);

        HttpResponse<String> reset = send(HttpRequest.newBuilder(simulator.endpoint().resolve("/_stats/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(simulator.stats().total()).isZero();
    }

    @Test
    void statsKeepTheMostCallsAnsweredAtOnce() throws Exception {
        try (AwsSimulator slow = AwsSimulator.start(MinimalScenario.parse(), 0, 400)) {
            HttpRequest listAnalyzers = HttpRequest.newBuilder(slow.endpoint().resolve("/analyzer"))
                    .header("Authorization", authorization(MANAGEMENT_KEY, "us-east-1", "access-analyzer")).GET().build();
            http.send(listAnalyzers, HttpResponse.BodyHandlers.discarding());
            http.send(listAnalyzers, HttpResponse.BodyHandlers.discarding());
            assertThat(slow.stats().peakInFlight()).as("one after the other").isEqualTo(1);

            // Five at once, each answered 400 ms after it arrived: all five are open together.
            List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                calls.add(http.sendAsync(listAnalyzers, HttpResponse.BodyHandlers.discarding()));
            }
            long beforeLast = System.currentTimeMillis();
            calls.forEach(CompletableFuture::join);
            long afterLast = System.currentTimeMillis();
            JsonNode stats = JSON.readTree(send(HttpRequest.newBuilder(slow.endpoint().resolve("/_stats?summary=true")).GET()).body());
            assertThat(stats.get("peakInFlight").asInt()).isEqualTo(5);
            assertThat(stats.get("total").asLong()).as("the stats request itself is not counted").isEqualTo(7);
            assertThat(stats.get("lastAnswerEpochMillis").asLong()).as("the last of the five answers, 400 ms after they arrived")
                    .isBetween(beforeLast + 300, afterLast);

            send(HttpRequest.newBuilder(slow.endpoint().resolve("/_stats/reset")).POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(slow.stats().peakInFlight()).isZero();
            assertThat(slow.stats().lastAnswerEpochMillis()).isZero();
        }
    }

    @Test
    void aThrottleRuleAimedAtOneParentThrottlesOnlyThatParentsListing() throws Exception {
        Faults faults = new Faults(0, Set.of(), Set.of(), List.of(new Faults.ThrottleRule("111111111111", "us-east-1",
                "organizations", "ListAccountsForParent", "ou-abcd-11111111", 0, 2)), List.of(), Optional.empty());
        try (AwsSimulator throttled = AwsSimulator.start(MinimalScenario.parse().withFaults(faults), 0, 0)) {
            HttpRequest.Builder root = listAccountsForParent(throttled, "r-abcd");
            HttpRequest.Builder ou = listAccountsForParent(throttled, "ou-abcd-11111111");

            assertThat(send(root).statusCode()).isEqualTo(200);
            HttpResponse<String> first = send(ou);
            assertThat(first.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(first.body()).get("__type").asText()).isEqualTo("TooManyRequestsException");
            assertThat(send(ou).statusCode()).isEqualTo(400);
            HttpResponse<String> third = send(ou);
            assertThat(third.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(third.body()).get("Accounts").get(0).get("Id").asText()).isEqualTo("222222222222");
            assertThat(throttled.stats().calls()).containsExactly(new CallStats.CallCount("organizations",
                    "ListAccountsForParent", "111111111111", "us-east-1", 4, 2));
        }
    }

    private static HttpRequest.Builder listAccountsForParent(AwsSimulator target, String parentId) {
        return HttpRequest.newBuilder(target.endpoint().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "AWSOrganizationsV20161128.ListAccountsForParent")
                .header("Authorization", authorization(MANAGEMENT_KEY, "us-east-1", "organizations"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"ParentId\":\"" + parentId + "\"}"));
    }

    @Test
    void createAnalyzerAnswersExpectContinue() throws Exception {
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = http11.send(HttpRequest.newBuilder(simulator.endpoint().resolve("/analyzer"))
                .header("Authorization", authorization(MANAGEMENT_KEY, "us-east-1", "access-analyzer"))
                .header("Content-Type", "application/json")
                .expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"analyzerName\":\"created\",\"type\":\"ACCOUNT\",\"clientToken\":\"c1\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("arn").asText())
                .isEqualTo("arn:aws:access-analyzer:us-east-1:111111111111:analyzer/created");
    }

    @Test
    void keepsConnectionsAliveWithContentLengthOnEveryResponse() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", simulator.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (String path : new String[] {"/_stats", "/analyzer", "/_stats?summary=true"}) {
                out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Map<String, String> headers = readHeaders(in);
                assertThat(headers).containsKey("content-length");
                byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
                assertThat(body).isNotEmpty();
            }
        }
    }

    private static Map<String, String> readHeaders(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String status = line(in);
        assertThat(status).startsWith("HTTP/1.1 ");
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        return headers;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
