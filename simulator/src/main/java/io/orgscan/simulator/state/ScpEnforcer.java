package io.orgscan.simulator.state;

import io.orgscan.simulator.scenario.PolicyStatement;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.ServiceControlPolicy;
import java.util.List;
import java.util.Map;

/**
 * Service control policies as AWS applies them to a call: never to the management account; for any
 * other account of the organization, a call is refused when a statement attached to the root, an OU
 * on the account's path or the account itself explicitly denies it, or when some level of that path
 * has no attached statement that allows it (an SCP allows nothing by itself, it only leaves room).
 */
public final class ScpEnforcer {
    /** What the SCPs say about one call. */
    public enum Verdict { ALLOWED, EXPLICIT_DENY, NOT_ALLOWED }

    /**
     * @param statement the denying statement (its policy id and label) for an explicit deny, else null
     */
    public record Decision(Verdict verdict, String statement) {
        public static final Decision ALLOWED = new Decision(Verdict.ALLOWED, null);

        public boolean allowed() {
            return verdict == Verdict.ALLOWED;
        }
    }

    private final Scenario scenario;

    public ScpEnforcer(Scenario scenario) {
        this.scenario = scenario;
    }

    /**
     * Judges a call.
     *
     * @param accountId    the account whose credentials made the call
     * @param principalArn {@code aws:PrincipalARN}: a user's ARN, or an assumed role's role ARN
     * @param action       {@code service:Operation}
     * @param resource     the resource ARN the call acts on ({@code *} when it has none)
     * @param region       {@code aws:RequestedRegion}
     */
    public Decision judge(String accountId, String principalArn, String action, String resource, String region) {
        if (accountId.equals(scenario.managementAccountId())) {
            return Decision.ALLOWED;
        }
        List<String> path = scenario.policyPath(accountId);
        if (path.isEmpty()) {
            return Decision.ALLOWED; // outside the organization: no SCP applies
        }
        Map<String, String> context = Map.of(PolicyStatement.REQUESTED_REGION, region, PolicyStatement.PRINCIPAL_ARN, principalArn);
        boolean everyLevelAllows = true;
        for (String level : path) {
            boolean allowedHere = false;
            for (ServiceControlPolicy policy : scenario.policiesAttachedTo(level)) {
                List<PolicyStatement> statements = policy.statements();
                for (int i = 0; i < statements.size(); i++) {
                    PolicyStatement statement = statements.get(i);
                    if (!statement.appliesTo(action, resource, context)) {
                        continue;
                    }
                    if (statement.deny()) {
                        return new Decision(Verdict.EXPLICIT_DENY, policy.id() + " " + statement.label(i + 1));
                    }
                    allowedHere = true;
                }
            }
            everyLevelAllows &= allowedHere;
        }
        return everyLevelAllows ? Decision.ALLOWED : new Decision(Verdict.NOT_ALLOWED, null);
    }
}
