package io.orgscan.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxies the environment names, chosen per request as the AWS CLI chooses them (botocore asks
 * Python's {@code urllib.request.getproxies} and {@code proxy_bypass}), because the SDK's Apache
 * client reads only {@code HTTP_PROXY} and {@code http.proxyHost}, so a network that sets
 * {@code HTTPS_PROXY} saw every call time out:
 * <ul>
 *   <li>an https URL goes through {@code https_proxy}, an http URL through {@code http_proxy}; each
 *       name in lower case wins over the same name in upper case, and a lower-case name set empty
 *       switches the upper-case one off;</li>
 *   <li>{@code no_proxy} (or {@code NO_PROXY}) is a comma list: {@code *} bypasses every host; an
 *       entry, leading dots stripped, bypasses the host equal to it or ending in {@code .entry},
 *       compared without case, and an entry {@code host:port} only that port;</li>
 *   <li>a proxy URL without a scheme is {@code http://} (botocore's {@code _fix_proxy_url}).</li>
 * </ul>
 * Pure: the environment comes in as a map (the CLI's injected one), so the choice is tested without
 * a network.
 */
record ProxyEnvironment(URI httpsProxy, URI httpProxy, List<String> noProxy) {
    static final ProxyEnvironment NONE = new ProxyEnvironment(null, null, List.of());

    ProxyEnvironment {
        noProxy = List.copyOf(noProxy);
    }

    static ProxyEnvironment from(Map<String, String> env) {
        String noProxy = value(env, "no_proxy");
        List<String> entries = new ArrayList<>();
        if (noProxy != null) {
            for (String entry : noProxy.split(",")) {
                String name = entry.strip();
                while (name.startsWith(".")) {
                    name = name.substring(1);
                }
                if (!name.isEmpty()) {
                    entries.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        return new ProxyEnvironment(proxyUrl(env, "https_proxy"), proxyUrl(env, "http_proxy"), entries);
    }

    /** The proxy for a request to {@code scheme://host:port}, or empty for a direct connection. */
    Optional<URI> proxyFor(String scheme, String host, int port) {
        URI proxy = switch (scheme.toLowerCase(Locale.ROOT)) {
            case "https" -> httpsProxy;
            case "http" -> httpProxy;
            default -> null;
        };
        if (proxy == null || bypassed(host, port)) {
            return Optional.empty();
        }
        return Optional.of(proxy);
    }

    /** urllib's {@code proxy_bypass_environment}: the host, or host:port, equal to or under an entry. */
    boolean bypassed(String host, int port) {
        String hostOnly = host.toLowerCase(Locale.ROOT);
        String hostPort = port < 0 ? hostOnly : hostOnly + ":" + port;
        for (String name : noProxy) {
            if (name.equals("*")) {
                return true;
            }
            if (hostOnly.equals(name) || hostPort.equals(name)
                    || hostOnly.endsWith("." + name) || hostPort.endsWith("." + name)) {
                return true;
            }
        }
        return false;
    }

    /** A variable in lower case if set at all (even empty), else in upper case; empty means unset. */
    private static String value(Map<String, String> env, String lowerName) {
        String value = env.containsKey(lowerName) ? env.get(lowerName) : env.get(lowerName.toUpperCase(Locale.ROOT));
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static URI proxyUrl(Map<String, String> env, String lowerName) {
        String value = value(env, lowerName);
        if (value == null) {
            return null;
        }
        String url = value.startsWith("http://") || value.startsWith("https://") ? value
                : value.startsWith("//") ? "http:" + value : "http://" + value;
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException(lowerName.toUpperCase(Locale.ROOT) + " is not a proxy URL: " + value);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(lowerName.toUpperCase(Locale.ROOT) + " is not a proxy URL: " + value, e);
        }
    }
}
