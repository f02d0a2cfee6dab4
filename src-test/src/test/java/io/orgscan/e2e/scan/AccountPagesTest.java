package io.orgscan.e2e.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.aws.AwsSettings;
import io.orgscan.aws.RoleSettings;
import io.orgscan.aws.SdkAwsGateway;
import io.orgscan.scan.AccountListing;
import io.orgscan.scan.ScanLimits;
import io.orgscan.simulator.AwsSimulator;
import io.orgscan.simulator.scenario.Scenario;
import io.orgscan.simulator.scenario.SyntheticOrganization;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A parent's accounts reach the scan page by page, through the real SDK: a flat organization of
 * hundreds of accounts under its root is tens of ListAccountsForParent pages one after another, and
 * its first accounts are scanned while the later pages are still being listed.
 */
class AccountPagesTest {
    @Test
    void eachPageIsHandedOnBeforeTheNextIsAskedFor() throws Exception {
        Scenario flat = SyntheticOrganization.generate(7, 95, 0); // every account directly under the root
        Scenario.Credentials keys = flat.credentials().get(0);
        try (AwsSimulator simulator = AwsSimulator.start(flat, 0, 0);
             SdkAwsGateway gateway = new SdkAwsGateway(
                     new AwsSettings(null, "us-east-1", simulator.endpoint(),
                             new AwsSettings.StaticKeys(keys.accessKeyId(), keys.secretAccessKey(), null)),
                     new RoleSettings("OrgscanReadOnly", null, "orgscan", null), ScanLimits.of(4))) {
            List<Integer> pageSizes = new ArrayList<>();
            List<Long> listingsAnsweredWhenHandedOn = new ArrayList<>();
            List<String> ids = new ArrayList<>();

            gateway.accounts(flat.rootId(), page -> {
                pageSizes.add(page.size());
                listingsAnsweredWhenHandedOn.add(simulator.stats().count("organizations", "ListAccountsForParent"));
                page.stream().map(AccountListing::id).forEach(ids::add);
            });

            assertThat(pageSizes).containsExactly(20, 20, 20, 20, 15);
            assertThat(listingsAnsweredWhenHandedOn).as("page n is handed on after n calls, before call n + 1")
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(ids).hasSize(95).doesNotHaveDuplicates();
            assertThat(simulator.stats().count("organizations", "ListAccountsForParent")).isEqualTo(5);
        }
    }
}
