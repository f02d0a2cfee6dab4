package io.orgscan.simulator.service;

import io.orgscan.simulator.scenario.Account;
import io.orgscan.simulator.scenario.AccountState;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.state.CallerIdentity;
import io.orgscan.simulator.state.CredentialRegistry;
import io.orgscan.simulator.state.FaultInjector;
import io.orgscan.simulator.wire.AwsError;
import io.orgscan.simulator.wire.AwsQueryProtocol;
import io.orgscan.simulator.wire.AwsService;
import io.orgscan.simulator.wire.Protocol;
import io.orgscan.simulator.wire.SimRequest;
import io.orgscan.simulator.wire.SimResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.orgscan.simulator.wire.XmlEscaper.escape;

/**
 * AWS STS over awsQuery: AssumeRole and GetCallerIdentity. AssumeRole mints fresh temporary
 * credentials for (account, role, session); every later call signed with them is attributed to that
 * account.
 */
public final class StsHandler implements ServiceHandler {
    static final String VERSION = "2011-06-15";
    private static final Set<String> OPERATIONS = Set.of("AssumeRole", "GetCallerIdentity");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    /** "Role chaining limits your ... role session to a maximum of one hour" (AssumeRole documentation). */
    private static final int CHAINED_MAX_SECONDS = 3600;

    private final Scenario scenario;
    private final CredentialRegistry credentials;
    private final FaultInjector faults;
    private final Protocol protocol = new AwsQueryProtocol();

    public StsHandler(Scenario scenario, CredentialRegistry credentials, FaultInjector faults) {
        this.scenario = scenario;
        this.credentials = credentials;
        this.faults = faults;
    }

    @Override
    public AwsService service() {
        return AwsService.STS;
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
        return OPERATIONS.contains(operation);
    }

    /** The global endpoint's scope ({@code aws-global}) is valid for every account. */
    @Override
    public boolean checksRegion(String region) {
        return !"aws-global".equals(region);
    }

    @Override
    public SimResponse handle(String operation, CallContext context) throws AwsError {
        return switch (operation) {
            case "GetCallerIdentity" -> getCallerIdentity(context);
            case "AssumeRole" -> assumeRole(context);
            default -> throw protocol.unknownOperation(operation);
        };
    }

    private SimResponse getCallerIdentity(CallContext context) {
        CallerIdentity caller = context.caller();
        return xml("GetCallerIdentity", context,
                "    <Arn>" + escape(caller.arn()) + "</Arn>\n"
                        + "    <UserId>" + escape(caller.userId()) + "</UserId>\n"
                        + "    <Account>" + caller.accountId() + "</Account>\n");
    }

    private SimResponse assumeRole(CallContext context) throws AwsError {
        Map<String, String> params = context.request().parameters();
        String roleArn = requiredParameter(params, "RoleArn", "roleArn");
        String sessionName = requiredParameter(params, "RoleSessionName", "roleSessionName");
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw validation("Value '" + sessionName + "' at 'roleSessionName' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length between 2 and 64");
        }
        int duration = durationSeconds(params.get("DurationSeconds"));
        String externalId = params.get("ExternalId");
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            throw validation("Value '" + externalId + "' at 'externalId' failed to satisfy constraint: "
                    + "Member must satisfy regular expression pattern: [\\w+=,.@:/-]* and have length between 2 and 1224");
        }
        Matcher arn = ROLE_ARN.matcher(roleArn);
        if (!arn.matches()) {
            throw new AwsError("ValidationError", 400, roleArn + " is invalid");
        }
        CallerIdentity caller = context.caller();
        if (caller.isTemporary() && duration > CHAINED_MAX_SECONDS) {
            throw new AwsError("ValidationError", 400,
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        String accountId = arn.group(1);
        String roleName = arn.group(2);
        if (!mayAssume(accountId, roleName, externalId)) {
            throw new AwsError("AccessDenied", 403, "User: " + caller.arn()
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        Instant issued = context.now().truncatedTo(ChronoUnit.SECONDS);
        Duration lifetime = scenario.faults().credentialLifetime().orElse(Duration.ofSeconds(duration));
        CallerIdentity session = credentials.mint(accountId, roleName, sessionName, issued.plus(lifetime));
        return xml("AssumeRole", context,
                "    <AssumedRoleUser>\n"
                        + "      <AssumedRoleId>" + escape(session.userId()) + "</AssumedRoleId>\n"
                        + "      <Arn>" + escape(session.arn()) + "</Arn>\n"
                        + "    </AssumedRoleUser>\n"
                        + "    <Credentials>\n"
                        + "      <AccessKeyId>" + session.accessKeyId() + "</AccessKeyId>\n"
                        + "      <SecretAccessKey>" + escape(session.secretAccessKey()) + "</SecretAccessKey>\n"
                        + "      <SessionToken>" + escape(session.sessionToken()) + "</SessionToken>\n"
                        + "      <Expiration>" + session.expiresAt() + "</Expiration>\n"
                        + "    </Credentials>\n");
    }

    /** The trust rules of docs/SIMULATOR.md: an ACTIVE scenario account, a known role, the external id, no fault. */
    private boolean mayAssume(String accountId, String roleName, String externalId) {
        Optional<Account> target = scenario.account(accountId);
        if (target.isEmpty() || faults.isAssumeRoleDenied(accountId)) {
            return false;
        }
        Account account = target.get();
        return account.state() == AccountState.ACTIVE
                && account.roles().contains(roleName)
                && (account.externalId() == null || account.externalId().equals(externalId));
    }

    private int durationSeconds(String text) throws AwsError {
        if (text == null) {
            return 3600;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw validation("Value '" + text + "' at 'durationSeconds' failed to satisfy constraint: Member must be an integer");
        }
        if (seconds < 900) {
            throw validation("Value '" + seconds + "' at 'durationSeconds' failed to satisfy constraint: "
                    + "Member must have value greater than or equal to 900");
        }
        if (seconds > 43200) {
            throw validation("Value '" + seconds + "' at 'durationSeconds' failed to satisfy constraint: "
                    + "Member must have value less than or equal to 43200");
        }
        return seconds;
    }

    private static String requiredParameter(Map<String, String> params, String name, String memberName) throws AwsError {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw validation("Value null at '" + memberName + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    private static AwsError validation(String detail) {
        return new AwsError("ValidationError", 400, "1 validation error detected: " + detail);
    }

    private static SimResponse xml(String operation, CallContext context, String result) {
        String body = "<" + operation + "Response xmlns=\"" + AwsQueryProtocol.STS_NAMESPACE + "\">\n"
                + "  <" + operation + "Result>\n" + result + "  </" + operation + "Result>\n"
                + "  <ResponseMetadata>\n    <RequestId>" + context.requestId() + "</RequestId>\n  </ResponseMetadata>\n"
                + "</" + operation + "Response>\n";
        return SimResponse.of(200, AwsQueryProtocol.CONTENT_TYPE, body.getBytes(StandardCharsets.UTF_8),
                Map.of("x-amzn-RequestId", context.requestId()));
    }
}
