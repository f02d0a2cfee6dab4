package io.orgscan.report.asff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orgscan.model.Parameter;
import io.orgscan.model.ParameterSource;
import io.orgscan.model.ScanMetadata;
import io.orgscan.report.testkit.ScanFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHubTargetTest {
    private static ScanMetadata scanWith(Parameter... parameters) {
        ScanMetadata base = ScanFixture.rich().metadata();
        List<Parameter> all = new ArrayList<>(base.parameters());
        all.removeIf(p -> p.name().equals("--region"));
        all.addAll(List.of(parameters));
        return new ScanMetadata(base.scanId(), base.startedAt(), base.finishedAt(), base.callerArn(),
                base.callerAccountId(), base.organizationId(), base.managementAccountId(),
                base.delegatedAdministratorId(), "aws-us-gov", base.policy(), base.toolName(), base.toolVersion(), all);
    }

    private static Parameter given(String name, String value) {
        return new Parameter(name, value, ParameterSource.COMMAND_LINE);
    }

    @Test
    void defaultsToTheCallerAccountAndTheHomeRegionTheScanRecorded() {
        SecurityHubTarget target = SecurityHubTarget.of(scanWith(given("--region", "us-gov-west-1")), null, null);

        assertThat(target.accountId()).isEqualTo(ScanFixture.DELEGATED_ADMIN);
        assertThat(target.region()).isEqualTo("us-gov-west-1");
        assertThat(target.productArn()).isEqualTo("arn:aws-us-gov:securityhub:us-gov-west-1:" + ScanFixture.DELEGATED_ADMIN
                + ":product/" + ScanFixture.DELEGATED_ADMIN + "/default");
    }

    @Test
    void theScansOwnChoiceComesBeforeTheDefaultsAndTheRendersBeforeBoth() {
        ScanMetadata scan = scanWith(given("--region", "us-gov-west-1"), given("--securityhub-account", "222222222222"),
                given("--securityhub-region", "us-gov-east-1"));

        assertThat(SecurityHubTarget.of(scan, null, null))
                .isEqualTo(new SecurityHubTarget("222222222222", "us-gov-east-1", "aws-us-gov"));
        assertThat(SecurityHubTarget.of(scan, "333333333333", "us-gov-west-1"))
                .isEqualTo(new SecurityHubTarget("333333333333", "us-gov-west-1", "aws-us-gov"));
    }

    @Test
    void noRecordedRegionOrAMalformedValueIsOneClearMessage() {
        ScanMetadata scan = scanWith(given("--region", ""));

        assertThatThrownBy(() -> SecurityHubTarget.of(scan, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--securityhub-region");
        assertThatThrownBy(() -> SecurityHubTarget.of(scan, "12345", "eu-west-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--securityhub-account: '12345' is not a 12-digit account id");
        assertThatThrownBy(() -> SecurityHubTarget.of(scan, null, "Europe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--securityhub-region: 'Europe' is not a region name");
    }
}
