package io.orgscan.simulator.service;

import io.orgscan.simulator.scenario.RegionKind;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.wire.AwsError;
import io.orgscan.simulator.wire.AwsService;
import io.orgscan.simulator.wire.Ec2QueryProtocol;
import io.orgscan.simulator.wire.Protocol;
import io.orgscan.simulator.wire.SimRequest;
import io.orgscan.simulator.wire.SimResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Amazon EC2 DescribeRegions over the EC2 query protocol. Opt-in status is per calling account: the
 * same request answers differently with different members' credentials.
 */
public final class Ec2Handler implements ServiceHandler {
    static final String VERSION = "2016-11-15";
    private static final Set<String> FILTERS = Set.of("endpoint", "opt-in-status", "region-name");

    private final Scenario scenario;
    private final Protocol protocol = new Ec2QueryProtocol();

    public Ec2Handler(Scenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public AwsService service() {
        return AwsService.EC2;
    }

    @Override
    public Protocol protocol() {
        return protocol;
    }

    @Override
    public boolean recognizes(SimRequest request) {
        return VERSION.equals(request.parameters().get("Version"));
    }

    @Override
    public String operation(SimRequest request) {
        return request.parameters().getOrDefault("Action", "(no Action)");
    }

    @Override
    public boolean supports(String operation) {
        return operation.equals("DescribeRegions");
    }

    @Override
    public boolean checksRegion(String region) {
        return true;
    }

    @Override
    public SimResponse handle(String operation, CallContext context) throws AwsError {
        if (!supports(operation)) {
            throw protocol.unknownOperation(operation);
        }
        Map<String, String> params = context.request().parameters();
        if ("true".equalsIgnoreCase(params.get("DryRun"))) {
            throw new AwsError("DryRunOperation", 412, "Request would have succeeded, but DryRun flag is set.");
        }
        boolean allRegions = "true".equalsIgnoreCase(params.get("AllRegions"));
        List<String> names = indexed(params, "RegionName.");
        for (String name : names) {
            if (!scenario.regions().containsKey(name)) {
                throw Ec2QueryProtocol.invalidParameterValue("Invalid region name: " + name);
            }
        }
        Map<String, List<Pattern>> filters = filters(params);
        StringBuilder items = new StringBuilder();
        for (Map.Entry<String, RegionKind> region : scenario.regions().entrySet()) {
            String name = region.getKey();
            String optIn = optInStatus(context, name, region.getValue());
            // Named regions are answered whatever their status; otherwise disabled ones need AllRegions.
            boolean listed = names.isEmpty() ? allRegions || !optIn.equals("not-opted-in") : names.contains(name);
            String endpoint = "ec2." + name + ".amazonaws.com";
            if (listed && matches(filters.get("region-name"), name) && matches(filters.get("opt-in-status"), optIn)
                    && matches(filters.get("endpoint"), endpoint)) {
                items.append("        <item>\n")
                        .append("            <regionName>").append(name).append("</regionName>\n")
                        .append("            <regionEndpoint>").append(endpoint).append("</regionEndpoint>\n")
                        .append("            <optInStatus>").append(optIn).append("</optInStatus>\n")
                        .append("        </item>\n");
            }
        }
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<DescribeRegionsResponse xmlns=\"" + Ec2QueryProtocol.EC2_NAMESPACE + "\">\n"
                + "    <requestId>" + context.requestId() + "</requestId>\n"
                + "    <regionInfo>\n" + items + "    </regionInfo>\n"
                + "</DescribeRegionsResponse>";
        return SimResponse.of(200, Ec2QueryProtocol.CONTENT_TYPE, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private String optInStatus(CallContext context, String region, RegionKind kind) {
        if (kind == RegionKind.DEFAULT) {
            return "opt-in-not-required";
        }
        boolean optedIn = context.callerAccount() != null && context.callerAccount().optedInRegions().contains(region);
        return optedIn ? "opted-in" : "not-opted-in";
    }

    /** Filter.N.Name / Filter.N.Value.M, values compiled from EC2's {@code *} and {@code ?} wildcards. */
    private Map<String, List<Pattern>> filters(Map<String, String> params) throws AwsError {
        Map<String, List<Pattern>> filters = new LinkedHashMap<>();
        for (int n = 1; params.containsKey("Filter." + n + ".Name"); n++) {
            String name = params.get("Filter." + n + ".Name");
            if (!FILTERS.contains(name)) {
                throw Ec2QueryProtocol.invalidParameterValue("The filter '" + name + "' is invalid");
            }
            List<Pattern> values = filters.computeIfAbsent(name, k -> new ArrayList<>());
            for (String value : indexed(params, "Filter." + n + ".Value.")) {
                values.add(wildcard(value));
            }
        }
        return filters;
    }

    private static boolean matches(List<Pattern> patterns, String value) {
        if (patterns == null) {
            return true;
        }
        for (Pattern pattern : patterns) {
            if (pattern.matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern wildcard(String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** The values of a flattened EC2 list: {@code prefix1}, {@code prefix2}, ... until one is missing. */
    private static List<String> indexed(Map<String, String> params, String prefix) {
        List<String> values = new ArrayList<>();
        for (int i = 1; params.containsKey(prefix + i); i++) {
            values.add(params.get(prefix + i));
        }
        return values;
    }
}
