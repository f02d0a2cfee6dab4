package io.orgscan.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which proxy a request takes, as the AWS CLI (urllib's getproxies and proxy_bypass) decides: no network. */
class ProxyEnvironmentTest {
    private static final URI CORPORATE = URI.create("http://proxy.corp:3128");

    private static Optional<URI> proxyFor(Map<String, String> env, String scheme, String host, int port) {
        return ProxyEnvironment.from(env).proxyFor(scheme, host, port);
    }

    @Test
    void httpsUrlsTakeHttpsProxyAndHttpUrlsHttpProxy() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "HTTP_PROXY", "http://other:8080");
        assertThat(proxyFor(env, "https", "sts.us-east-1.amazonaws.com", -1)).contains(CORPORATE);
        assertThat(proxyFor(env, "http", "127.0.0.1", 4566)).contains(URI.create("http://other:8080"));
    }

    @Test
    void httpsProxyAloneLeavesHttpUrlsDirect() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.corp:3128");
        assertThat(proxyFor(env, "https", "sts.us-east-1.amazonaws.com", -1)).contains(CORPORATE);
        assertThat(proxyFor(env, "http", "127.0.0.1", 4566)).isEmpty();
    }

    @Test
    void httpProxyAloneLeavesHttpsUrlsDirect() {
        // The regression of issue 13 was the other way round; the CLI does not fall back either way.
        assertThat(proxyFor(Map.of("HTTP_PROXY", "http://proxy.corp:3128"), "https", "sts.us-east-1.amazonaws.com", -1)).isEmpty();
    }

    @Test
    void lowerCaseWinsAndLowerCaseEmptySwitchesUpperCaseOff() {
        Map<String, String> both = Map.of("https_proxy", "http://proxy.corp:3128", "HTTPS_PROXY", "http://other:8080");
        assertThat(proxyFor(both, "https", "ec2.eu-west-1.amazonaws.com", -1)).contains(CORPORATE);
        assertThat(proxyFor(Map.of("https_proxy", "", "HTTPS_PROXY", "http://other:8080"), "https", "ec2.eu-west-1.amazonaws.com", -1)).isEmpty();
        assertThat(proxyFor(Map.of("https_proxy", "http://proxy.corp:3128"), "https", "x.amazonaws.com", -1)).contains(CORPORATE);
    }

    @Test
    void aProxyWithoutSchemeIsHttp() {
        assertThat(proxyFor(Map.of("HTTPS_PROXY", "proxy.corp:3128"), "https", "x.amazonaws.com", -1)).contains(CORPORATE);
        assertThatThrownBy(() -> ProxyEnvironment.from(Map.of("HTTPS_PROXY", "http://")))
                .hasMessageContaining("HTTPS_PROXY is not a proxy URL");
    }

    @Test
    void noProxyMatchesHostsAndTheirSubdomainsWithoutCase() {
        Map<String, String> env = new HashMap<>(Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "HTTP_PROXY", "http://proxy.corp:3128"));
        env.put("NO_PROXY", " localhost, .internal.example ,169.254.169.254,Amazonaws.COM.cn, 127.0.0.1:4566");
        ProxyEnvironment proxies = ProxyEnvironment.from(env);
        assertThat(proxies.proxyFor("http", "localhost", 8080)).isEmpty();
        assertThat(proxies.proxyFor("https", "vpce.internal.example", -1)).isEmpty();
        assertThat(proxies.proxyFor("https", "internal.example", -1)).isEmpty();
        assertThat(proxies.proxyFor("http", "169.254.169.254", -1)).isEmpty();
        assertThat(proxies.proxyFor("https", "sts.cn-north-1.amazonaws.com.cn", -1)).isEmpty();
        assertThat(proxies.proxyFor("http", "127.0.0.1", 4566)).isEmpty();
        // a suffix only at a dot, and host:port only for that port
        assertThat(proxies.proxyFor("https", "notinternal.example", -1)).contains(CORPORATE);
        assertThat(proxies.proxyFor("http", "127.0.0.1", 4567)).contains(CORPORATE);
        assertThat(proxies.proxyFor("https", "sts.us-east-1.amazonaws.com", -1)).contains(CORPORATE);
    }

    @Test
    void lowerCaseNoProxyWinsAndStarBypassesEverything() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "no_proxy", "*", "NO_PROXY", "example.com");
        assertThat(proxyFor(env, "https", "sts.us-east-1.amazonaws.com", -1)).isEmpty();
        Map<String, String> upper = Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", "amazonaws.com");
        assertThat(proxyFor(upper, "https", "sts.us-east-1.amazonaws.com", -1)).isEmpty();
    }

    @Test
    void noVariablesNoProxy() {
        assertThat(proxyFor(Map.of(), "https", "sts.us-east-1.amazonaws.com", -1)).isEmpty();
        assertThat(AwsSettings.networkVariables(Map.of("https_proxy", "a", "NO_PROXY", "b", "AWS_SECRET_ACCESS_KEY", "s", "PATH", "/bin")))
                .containsOnlyKeys("https_proxy", "NO_PROXY");
    }
}
