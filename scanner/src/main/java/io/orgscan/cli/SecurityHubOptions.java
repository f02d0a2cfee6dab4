package io.orgscan.cli;

import io.orgscan.model.AwsNames;
import io.orgscan.report.asff.SecurityHubTarget;
import picocli.CommandLine.Option;

/**
 * Where findings.asff.json is to be imported: {@code scan}, {@code demo} and {@code report} share these
 * options. A scan records them among its parameters, so {@code report} renders the same file from its
 * scan.json unless told otherwise ({@link SecurityHubTarget#of}).
 */
final class SecurityHubOptions {
    @Option(names = SecurityHubTarget.ACCOUNT_OPTION, paramLabel = "ID",
            description = "Account that imports findings.asff.json into Security Hub: its AwsAccountId and product ARN "
                    + "(default: the account the scan ran as).")
    String account;

    @Option(names = SecurityHubTarget.REGION_OPTION, paramLabel = "REGION",
            description = "Security Hub region of that import, in the product ARN (default: the scan's home region).")
    String region;

    /** The account given, checked, or null. */
    String account() throws UsageException {
        if (account != null && !AwsNames.isAccountId(account.trim())) {
            throw new UsageException(SecurityHubTarget.ACCOUNT_OPTION + ": '" + account + "' is not a 12-digit account id");
        }
        return account == null ? null : account.trim();
    }

    /** The region given, checked, or null. */
    String region() throws UsageException {
        if (region != null && !AwsNames.isRegion(region.trim())) {
            throw new UsageException(SecurityHubTarget.REGION_OPTION + ": '" + region + "' is not a region name");
        }
        return region == null ? null : region.trim();
    }
}
