package io.orgscan.report.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** control.json: the CIS numbers as checked against their sources (docs/OUTPUTS.md lists them). */
class ControlTest {
    @Test
    void theCisNumberOfEachVersionCheckedAndItsSource() {
        Control control = Control.standard();
        assertThat(control.cisReferences()).extracting(r -> r.version() + "=" + r.recommendation()).containsExactly(
                "1.4=1.20", "1.5=1.20", "2.0=1.20", "3.0=1.20", "4.0=1.20", "5.0=1.19", "6.0=2.19", "7.0=2.18");
        assertThat(control.cisReferences()).allSatisfy(reference -> {
            assertThat(reference.source()).startsWith("prowler-cloud/prowler, prowler/compliance/aws/cis_"
                    + reference.version() + "_aws.json at ").matches(".* at [0-9a-f]{40}");
            assertThat(reference.title()).startsWith("Ensure that IAM ").endsWith(" is enabled for all regions");
        });
        assertThat(control.title()).isEqualTo("Ensure that IAM External Access Analyzer is enabled for all regions");
        assertThat(control.securityHubControlId()).isEqualTo("IAM.28");
        assertThat(control.configRuleName()).isEqualTo("iam-external-access-analyzer-enabled");
        assertThat(control.configRuleIdentifier()).isEqualTo("IAM_EXTERNAL_ACCESS_ANALYZER_ENABLED");
        assertThat(control.cisNotConfirmed()).contains("not against the CIS PDFs");
    }

    @Test
    void eachStatusOnceWithItsNamesInAwsConfigSecurityHubOcsfAndCisoAssistant() {
        assertThat(Control.standard().statuses())
                .extracting(s -> String.join(" ", s.status().name(), s.awsConfig(), s.asff(), s.ocsf(), s.cisoAssistant()))
                .containsExactly(
                        "COMPLIANT COMPLIANT PASSED 1 Pass compliant",
                        "NON_COMPLIANT NON_COMPLIANT FAILED 3 Fail non_compliant",
                        "NOT_APPLICABLE NOT_APPLICABLE NOT_AVAILABLE 99 Other (Not Applicable) not_applicable",
                        "INSUFFICIENT_DATA INSUFFICIENT_DATA WARNING 2 Warning not_assessed");
    }
}
