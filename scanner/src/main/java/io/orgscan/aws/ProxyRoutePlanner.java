package io.orgscan.aws;

import java.net.URI;
import org.apache.http.HttpException;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.impl.conn.DefaultRoutePlanner;
import org.apache.http.impl.conn.DefaultSchemePortResolver;
import org.apache.http.protocol.HttpContext;

/**
 * Routes each request of the shared Apache client through the proxy {@link ProxyEnvironment} chooses
 * for its scheme and host, or directly. One client serves every host, so the choice is per request,
 * which the SDK's own proxy settings (one proxy, a regex list of exceptions) cannot express.
 */
final class ProxyRoutePlanner extends DefaultRoutePlanner {
    private final ProxyEnvironment proxies;

    ProxyRoutePlanner(ProxyEnvironment proxies) {
        super(DefaultSchemePortResolver.INSTANCE);
        this.proxies = proxies;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpRequest request, HttpContext context) throws HttpException {
        return proxies.proxyFor(target.getSchemeName(), target.getHostName(), target.getPort())
                .map(ProxyRoutePlanner::host)
                .orElse(null);
    }

    private static HttpHost host(URI proxy) {
        int port = proxy.getPort() >= 0 ? proxy.getPort() : "https".equals(proxy.getScheme()) ? 443 : 80;
        return new HttpHost(proxy.getHost(), port, proxy.getScheme());
    }
}
