package io.orgscan.simulator.wire;

import io.orgscan.simulator.scenario.ResponseMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a call's real answer into the one a {@code faults.responses} rule asks for. The answers are
 * what a client can meet between it and AWS: a body cut short, a 200 with nothing in it, a proxy's
 * HTML error page. None carries AWS's request-id header, as none of them would.
 */
public final class SpoiledAnswer {
    private static final Pattern XML_ROOT = Pattern.compile("<([A-Za-z][A-Za-z0-9]*)(\\s[^>]*)?>");
    private static final Pattern DEFAULT_REGION_ITEM = Pattern.compile(
            "[ \\t]*<item>(?:(?!</item>).)*<optInStatus>opt-in-not-required</optInStatus>(?:(?!</item>).)*</item>\\r?\\n?",
            Pattern.DOTALL);

    private SpoiledAnswer() {
    }

    public static SimResponse of(SimResponse real, ResponseMode mode) {
        return switch (mode) {
            case HANG -> real.delivered(SimResponse.Delivery.HANG);
            case RESET -> real.delivered(SimResponse.Delivery.RESET);
            case CLOSE_MID_BODY -> real.delivered(SimResponse.Delivery.CLOSE_MID_BODY);
            case MALFORMED -> ok(real, isXml(real) ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Unclosed"
                    : "{\"not json\": [1, 2,");
            case TRUNCATED -> new SimResponse(200, real.contentType(), Arrays.copyOf(real.body(), real.body().length / 2), Map.of());
            case EMPTY -> ok(real, "");
            case EMPTY_OBJECT -> ok(real, isXml(real) ? emptyRoot(real) : "{}");
            case HTML_502 -> html(502, "Bad Gateway");
            case HTML_503 -> html(503, "Service Unavailable");
            case NO_DEFAULT_REGIONS -> withoutDefaultRegions(real);
        };
    }

    /** DescribeRegions' answer without the items whose optInStatus is opt-in-not-required; the rest as it was. */
    private static SimResponse withoutDefaultRegions(SimResponse real) {
        String body = new String(real.body(), StandardCharsets.UTF_8);
        String spoiled = DEFAULT_REGION_ITEM.matcher(body).replaceAll("");
        return new SimResponse(real.status(), real.contentType(), spoiled.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static boolean isXml(SimResponse real) {
        return real.contentType().contains("xml");
    }

    private static SimResponse ok(SimResponse real, String body) {
        return new SimResponse(200, real.contentType(), body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** The real answer's root element with its namespace and nothing inside. */
    private static String emptyRoot(SimResponse real) {
        String body = new String(real.body(), StandardCharsets.UTF_8);
        Matcher root = XML_ROOT.matcher(body);
        if (!root.find()) {
            return "<Response/>";
        }
        String attributes = root.group(2) == null ? "" : root.group(2);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root.group(1) + attributes + "></" + root.group(1) + ">";
    }

    private static SimResponse html(int status, String reason) {
        String body = "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>"
                + status + " " + reason + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        return new SimResponse(status, "text/html", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
