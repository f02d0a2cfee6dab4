package io.orgscan.plan;

import io.orgscan.model.AnalyzerType;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact AWS CLI commands that deploy a plan's analyzers with CloudFormation: one service-managed
 * StackSet, one {@code create-stack-instances} per {@link StackInstanceGroup} (the root as the OU, the
 * group's accounts with an INTERSECTION filter, so no other account gets an instance), and a plain
 * stack per region for the management account, where StackSets never deploy.
 */
public final class DeployCommands {
    static final String ROOT_ID = "ROOT_ID=$(aws organizations list-roots --query 'Roots[0].Id' --output text)";

    private DeployCommands() {
    }

    /** The StackSet commands, run from the management account (or with --call-as DELEGATED_ADMIN). */
    public static List<String> stackSet(RemediationPlan plan) {
        if (plan.stackInstanceGroups().isEmpty()) {
            return List.of();
        }
        AnalyzerType type = plan.analyzerType();
        String name = AnalyzerTemplate.stackSetName(type);
        List<String> commands = new ArrayList<>();
        commands.add(ROOT_ID);
        commands.add("aws cloudformation create-stack-set --stack-set-name " + name
                + " --template-body file://" + AnalyzerTemplate.fileName(type)
                + " --permission-model SERVICE_MANAGED --auto-deployment Enabled=false");
        for (StackInstanceGroup group : plan.stackInstanceGroups()) {
            commands.add("aws cloudformation create-stack-instances --stack-set-name " + name
                    + " --deployment-targets \"OrganizationalUnitIds=$ROOT_ID,Accounts=[" + String.join(",", group.accounts())
                    + "],AccountFilterType=INTERSECTION\" --regions " + String.join(" ", group.regions())
                    + " --operation-preferences RegionConcurrencyType=PARALLEL,MaxConcurrentPercentage=100,"
                    + "FailureTolerancePercentage=100");
        }
        return List.copyOf(commands);
    }

    /** Plain stacks for the management account's own actions, run there; empty when it has none. */
    public static List<String> managementAccountStacks(RemediationPlan plan) {
        List<String> commands = new ArrayList<>();
        for (PlannedAnalyzer action : plan.actions()) {
            if (action.accountId().equals(plan.managementAccountId())) {
                commands.add("aws cloudformation create-stack --stack-name " + AnalyzerTemplate.stackSetName(action.type())
                        + " --template-body file://" + AnalyzerTemplate.fileName(action.type())
                        + " --region " + action.region());
            }
        }
        return List.copyOf(commands);
    }
}
