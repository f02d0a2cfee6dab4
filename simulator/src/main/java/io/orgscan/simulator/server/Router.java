package io.orgscan.simulator.server;

import io.orgscan.simulator.scenario.Account;
import io.orgscan.simulator.scenario.RegionKind;
import io.orgscan.simulator.scenario.ResponseMode;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.service.CallContext;
import io.orgscan.simulator.service.ServiceHandler;
import io.orgscan.simulator.state.CallerIdentity;
import io.orgscan.simulator.state.CredentialRegistry;
import io.orgscan.simulator.state.FaultInjector;
import io.orgscan.simulator.state.ScpEnforcer;
import io.orgscan.simulator.wire.AwsError;
import io.orgscan.simulator.wire.AwsService;
import io.orgscan.simulator.wire.Protocol;
import io.orgscan.simulator.wire.ScpDenial;
import io.orgscan.simulator.wire.SigV4Scope;
import io.orgscan.simulator.wire.SimRequest;
import io.orgscan.simulator.wire.SimResponse;
import io.orgscan.simulator.wire.SpoiledAnswer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Every request passes here, in the same order for every service: pick the service (SigV4 scope, else
 * the request's shape), authenticate the access key, check the region, apply faults, let the service
 * answer, count the call, add latency, send. Nothing here takes a lock.
 */
public final class Router implements SimHttpServer.Responder {
    private final Scenario scenario;
    private final Map<AwsService, ServiceHandler> handlers = new EnumMap<>(AwsService.class);
    private final List<ServiceHandler> shapeOrder;
    private final CredentialRegistry credentials;
    private final FaultInjector faults;
    private final ScpEnforcer scps;
    private final CallStatsRecorder stats;
    private final StatsEndpoint statsEndpoint;
    private final Clock clock;

    public Router(Scenario scenario, List<ServiceHandler> services, CredentialRegistry credentials, FaultInjector faults,
           CallStatsRecorder stats, Clock clock) {
        this.scenario = scenario;
        services.forEach(handler -> handlers.put(handler.service(), handler));
        this.shapeOrder = List.copyOf(services);
        this.credentials = credentials;
        this.faults = faults;
        this.scps = new ScpEnforcer(scenario);
        this.stats = stats;
        this.statsEndpoint = new StatsEndpoint(stats);
        this.clock = clock;
    }

    /**
     * Answers one request the simulated latency after it arrived (a wait on the caller's thread):
     * the simulator's own work is part of that latency, not added to it, so a client sees the
     * latency it asked for however busy the simulator is.
     */
    @Override
    public SimResponse respond(SimRequest request) throws InterruptedException {
        long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(faults.latencyMs());
        try {
            if (StatsEndpoint.handles(request)) {
                return statsEndpoint.handle(request);
            }
            stats.started();
            try {
                SimResponse response = serve(request);
                waitUntil(due);
                return response;
            } finally {
                stats.ended();
            }
        } catch (RuntimeException e) {
            // A bug in the simulator must not look like an AWS answer: plain text, and say what broke.
            return SimResponse.of(500, "text/plain; charset=utf-8", "simulator failure: " + e);
        }
    }

    private static void waitUntil(long due) throws InterruptedException {
        for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    private SimResponse serve(SimRequest request) {
        String requestId = requestId();
        Optional<SigV4Scope> scope;
        try {
            scope = SigV4Scope.of(request.header("Authorization"), request.query().get("X-Amz-Credential"));
        } catch (IllegalArgumentException e) {
            ServiceHandler handler = byShape(request);
            if (handler == null) {
                return unknownService("(malformed Authorization)");
            }
            return answer(handler, handler.operation(request), "", "", handler.protocol().incompleteSignature(e.getMessage()), requestId);
        }
        ServiceHandler handler = scope.map(s -> handlers.get(AwsService.fromSigningName(s.service()))).orElse(null);
        if (handler == null) {
            handler = byShape(request);
        }
        if (handler == null) {
            return unknownService(scope.map(SigV4Scope::service).orElse("(unsigned request)"));
        }
        String operation = handler.operation(request);
        if (scope.isEmpty()) {
            return answer(handler, operation, "", "", handler.protocol().missingAuthentication(), requestId);
        }
        String region = scope.get().region();
        Optional<CallerIdentity> caller = credentials.find(scope.get().accessKeyId());
        String accountId = caller.map(CallerIdentity::accountId).orElse("");
        SimResponse response;
        try {
            response = call(handler, operation, request, caller, region, requestId);
        } catch (AwsError error) {
            response = handler.protocol().render(error, requestId);
        }
        String service = handler.service().signingName();
        Optional<ResponseMode> spoiled = faults.consumeResponse(service, operation, accountId, region);
        if (spoiled.isPresent()) {
            response = SpoiledAnswer.of(response, spoiled.get());
        }
        stats.record(service, operation, accountId, region, response.isError());
        return response;
    }

    private SimResponse call(ServiceHandler handler, String operation, SimRequest request,
                             Optional<CallerIdentity> found, String region, String requestId) throws AwsError {
        Protocol protocol = handler.protocol();
        CallerIdentity caller = found.orElseThrow(protocol::unrecognizedClient);
        Instant now = clock.instant();
        if (caller.isTemporary()) {
            String token = request.header("X-Amz-Security-Token");
            if (token == null) {
                token = request.query().get("X-Amz-Security-Token");
            }
            if (!caller.sessionToken().equals(token)) {
                throw protocol.unrecognizedClient();
            }
            if (caller.isExpiredAt(now)) {
                throw protocol.expiredToken();
            }
        }
        Account account = scenario.account(caller.accountId()).orElse(null);
        if (handler.checksRegion(region) && !isEnabled(account, region)) {
            throw protocol.regionDisabled(caller.accountId(), region);
        }
        if (!handler.supports(operation)) {
            throw protocol.unknownOperation(operation);
        }
        checkServiceControlPolicies(handler.service(), operation, request, caller, region);
        String service = handler.service().signingName();
        if (faults.consumeThrottle(service, operation, caller.accountId(), region, () -> handler.parentId(request))) {
            throw protocol.throttling();
        }
        if (faults.consumeInternalError(service, operation, caller.accountId(), region)) {
            throw protocol.internalError();
        }
        return handler.handle(operation, new CallContext(request, caller, account, region, requestId, now));
    }

    /**
     * The SCPs of the caller's account, for every call but GetCallerIdentity (which no policy can deny).
     * {@code aws:PrincipalARN} of a role session is the role's ARN; the global STS scope
     * ({@code aws-global}) requests us-east-1.
     */
    private void checkServiceControlPolicies(AwsService service, String operation, SimRequest request, CallerIdentity caller,
                                             String region) throws AwsError {
        if (service == AwsService.STS && operation.equals("GetCallerIdentity")) {
            return;
        }
        String action = service.signingName() + ":" + operation;
        String resource = switch (service) {
            case ACCESS_ANALYZER -> "arn:aws:access-analyzer:" + region + ":" + caller.accountId() + ":*";
            case STS -> request.parameters().getOrDefault("RoleArn", "*");
            default -> "*";
        };
        String principal = caller.roleName() == null ? caller.arn()
                : "arn:aws:iam::" + caller.accountId() + ":role/" + caller.roleName();
        ScpEnforcer.Decision decision = scps.judge(caller.accountId(), principal, action, resource,
                region.equals("aws-global") ? "us-east-1" : region);
        if (!decision.allowed()) {
            throw ScpDenial.of(service, caller.arn(), action, resource,
                    decision.verdict() == ScpEnforcer.Verdict.EXPLICIT_DENY);
        }
    }

    /** An account outside the organization still has the default regions. */
    private boolean isEnabled(Account account, String region) {
        if (account == null) {
            return scenario.regions().get(region) == RegionKind.DEFAULT;
        }
        return scenario.isRegionEnabled(account, region);
    }

    private SimResponse answer(ServiceHandler handler, String operation, String accountId, String region,
                               AwsError error, String requestId) {
        SimResponse response = handler.protocol().render(error, requestId);
        stats.record(handler.service().signingName(), operation, accountId, region, true);
        return response;
    }

    /**
     * A random UUID-shaped request id. {@code UUID.randomUUID()} draws from one shared SecureRandom,
     * which hundreds of handler threads would contend for; request ids need no cryptographic strength.
     */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private ServiceHandler byShape(SimRequest request) {
        for (ServiceHandler handler : shapeOrder) {
            if (handler.recognizes(request)) {
                return handler;
            }
        }
        return null;
    }

    private static SimResponse unknownService(String what) {
        String body = "{\"__type\":\"UnknownServiceException\",\"message\":\"The orgscan simulator speaks organizations, "
                + "sts, ec2, access-analyzer and securityhub; cannot serve " + what.replace("\"", "'") + "\"}";
        return new SimResponse(400, "application/json", body.getBytes(StandardCharsets.UTF_8),
                Map.of("x-amzn-ErrorType", "UnknownServiceException"));
    }

}
