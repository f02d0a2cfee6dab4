package io.orgscan.plan;

import io.orgscan.model.AnalyzerType;

/**
 * The CloudFormation template that creates one external-access analyzer
 * ({@code AWS::AccessAnalyzer::Analyzer}) in the account and region of its stack: deployed by a
 * service-managed StackSet to the plan's stack instances, or as a plain stack in the management account.
 */
public final class AnalyzerTemplate {
    private AnalyzerTemplate() {
    }

    /** The template's file name in the plan folder. */
    public static String fileName(AnalyzerType type) {
        return type == AnalyzerType.ORGANIZATION ? PlanFile.ORGANIZATION_TEMPLATE.fileName()
                : PlanFile.ACCOUNT_TEMPLATE.fileName();
    }

    /** The StackSet (and stack) name the plan's commands use. */
    public static String stackSetName(AnalyzerType type) {
        return type == AnalyzerType.ORGANIZATION ? "orgscan-organization-analyzer" : "orgscan-account-analyzer";
    }

    public static String text(AnalyzerType type) {
        String zone = type == AnalyzerType.ORGANIZATION
                ? "type ORGANIZATION (zone of trust: the organization; only the management account or the IAM Access "
                + "Analyzer delegated administrator may create it)"
                : "type ACCOUNT (zone of trust: this account)";
        return "AWSTemplateFormatVersion: \"2010-09-09\"\n"
                + "Description: >-\n"
                + "  orgscan remediation plan: one IAM Access Analyzer external-access analyzer of\n"
                + "  " + zone + "\n"
                + "  in the stack's account and region (CIS AWS Foundations, Security Hub IAM.28).\n"
                + "  External-access analyzers are free of charge.\n"
                + "Parameters:\n"
                + "  AnalyzerName:\n"
                + "    Type: String\n"
                + "    Default: " + RemediationPlan.analyzerName(type) + "\n"
                + "    AllowedPattern: \"[A-Za-z][A-Za-z0-9_.-]*\"\n"
                + "    MinLength: 1\n"
                + "    MaxLength: 255\n"
                + "    Description: The analyzer's name; orgscan remediate uses the same default.\n"
                + "Resources:\n"
                + "  ExternalAccessAnalyzer:\n"
                + "    Type: AWS::AccessAnalyzer::Analyzer\n"
                + "    Properties:\n"
                + "      AnalyzerName: !Ref AnalyzerName\n"
                + "      Type: " + type.name() + "\n"
                + "Outputs:\n"
                + "  AnalyzerArn:\n"
                + "    Description: The analyzer's ARN.\n"
                + "    Value: !GetAtt ExternalAccessAnalyzer.Arn\n";
    }
}
