package io.orgscan.e2e.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.orgscan.e2e.OrgscanInProcess;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.SyntheticOrganization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 point 6: the proxy variables route the scan's calls as in the AWS CLI, through a real proxy
 * process (tinyproxy) whose log proves it. The simulator is http, so HTTP_PROXY is the variable that
 * applies (which variable goes with which scheme, and every NO_PROXY rule, is ProxyEnvironmentTest's).
 */
class ProxyTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tinyproxy() {
        assumeTrue(TinyProxy.installed(), "tinyproxy is installed by .ci/run");
    }

    private Map<String, String> env(Scenario scenario) {
        Scenario.Credentials management = scenario.credentials().get(0);
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", management.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", management.secretAccessKey());
        env.put("AWS_REGION", "us-east-1");
        return env;
    }

    private OrgscanInProcess.Result scan(Map<String, String> env, AwsSimulator simulator, String out) {
        return OrgscanInProcess.run(env, "scan", "--endpoint-url", simulator.endpoint().toString(),
                "--out-dir", dir.resolve(out).toString(), "--format", "csv");
    }

    @Test
    void httpProxyCarriesEveryCallAndNoProxyBypassesIt() throws Exception {
        Scenario scenario = SyntheticOrganization.generate(7, 6, 2);
        try (AwsSimulator simulator = AwsSimulator.start(scenario, 0, 0);
             TinyProxy proxy = TinyProxy.start(dir)) {
            String host = simulator.endpoint().getHost();

            // Through the proxy: every call the simulator answered was forwarded by it.
            Map<String, String> proxied = env(scenario);
            proxied.put("http_proxy", proxy.url());
            proxied.put("HTTPS_PROXY", "http://127.0.0.1:9"); // for https only: never used here
            OrgscanInProcess.Result through = scan(proxied, simulator, "proxied");
            assertThat(through.exitCode()).as(through.err()).isIn(0, 3, 4);
            long calls = simulator.stats().total();
            List<String> forwarded = proxy.requests();
            assertThat(calls).isGreaterThan(20);
            assertThat(forwarded).hasSize((int) calls)
                    .allMatch(request -> request.matches("(POST|GET) " + simulator.endpoint().toString().replaceAll("/$", "") + "/.* HTTP/1.1"));

            // NO_PROXY naming the simulator's host: the same scan, and not one request more through the proxy.
            Map<String, String> bypassed = new HashMap<>(proxied);
            bypassed.put("NO_PROXY", "example.com, " + host);
            OrgscanInProcess.Result direct = scan(bypassed, simulator, "direct");
            assertThat(direct.exitCode()).as(Files.readString(dir.resolve("proxied/errors.csv"))).isEqualTo(through.exitCode());
            assertThat(simulator.stats().total()).isEqualTo(2 * calls);
            assertThat(proxy.requests()).hasSize(forwarded.size());

            // A proxy that refuses: the start names the network, not the credentials.
            Map<String, String> refused = env(scenario);
            refused.put("HTTP_PROXY", "http://127.0.0.1:9");
            OrgscanInProcess.Result broken = scan(refused, simulator, "refused");
            assertThat(broken.exitCode()).isEqualTo(2);
            assertThat(broken.startLine()).contains("a network problem, not the credentials").doesNotContain("check the credentials");
            assertThat(simulator.stats().total()).isEqualTo(2 * calls);
            assertThat(dir.resolve("refused")).doesNotExist();
        }
    }
}
