package io.orgscan.simulator.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.orgscan.simulator.wire.JsonWriter;
import io.orgscan.simulator.wire.SimRequest;
import io.orgscan.simulator.wire.SimResponse;
import java.util.Map;

/**
 * The test hooks, which are not AWS and need no credentials: {@code GET /_stats[?summary=true]} and
 * {@code POST /_stats/reset}.
 */
final class StatsEndpoint {
    private final CallStatsRecorder recorder;

    StatsEndpoint(CallStatsRecorder recorder) {
        this.recorder = recorder;
    }

    static boolean handles(SimRequest request) {
        return request.rawPath().equals("/_stats") || request.rawPath().startsWith("/_stats/");
    }

    SimResponse handle(SimRequest request) {
        String path = request.rawPath();
        if (path.equals("/_stats") && request.method().equals("GET")) {
            return json(200, render(recorder.snapshot(), "true".equalsIgnoreCase(request.query().get("summary"))));
        }
        if (path.equals("/_stats/reset") && request.method().equals("POST")) {
            recorder.reset();
            return json(200, JsonWriter.object().put("reset", true));
        }
        return json(404, JsonWriter.object().put("message", "Use GET /_stats[?summary=true] or POST /_stats/reset"));
    }

    static ObjectNode render(CallStats stats, boolean summary) {
        ObjectNode body = JsonWriter.object();
        body.put("total", stats.total());
        body.put("errors", stats.errors());
        body.put("peakInFlight", stats.peakInFlight());
        body.put("lastAnswerEpochMillis", stats.lastAnswerEpochMillis());
        putCounts(body.putObject("services"), stats.byService());
        putCounts(body.putObject("operations"), stats.byOperation());
        putCounts(body.putObject("accounts"), stats.byAccount());
        if (!summary) {
            ArrayNode calls = body.putArray("calls");
            for (CallStats.CallCount call : stats.calls()) {
                calls.addObject().put("service", call.service()).put("operation", call.operation())
                        .put("accountId", call.accountId()).put("region", call.region())
                        .put("count", call.count()).put("errors", call.errors());
            }
        }
        return body;
    }

    private static void putCounts(ObjectNode node, Map<String, Long> counts) {
        counts.forEach(node::put);
    }

    private static SimResponse json(int status, ObjectNode body) {
        return SimResponse.of(status, "application/json", JsonWriter.bytes(body), Map.of());
    }
}
