package io.orgscan.report.asff;

import io.orgscan.model.AwsNames;
import io.orgscan.model.Parameter;
import io.orgscan.model.ScanMetadata;
import java.util.Objects;
import java.util.Optional;

/**
 * The Security Hub account and region that import findings.asff.json. With the default product of
 * custom findings ({@code product/<account>/default}) Security Hub accepts only findings whose
 * {@code AwsAccountId} and product ARN name the calling account, so both are the importing account's.
 *
 * @param partition the scan's partition: the product ARN is in the same partition as the findings
 */
public record SecurityHubTarget(String accountId, String region, String partition) {
    /** The scan option that sets the account; {@code report} reads the scan's value as its default. */
    public static final String ACCOUNT_OPTION = "--securityhub-account";
    /** The scan option that sets the region. */
    public static final String REGION_OPTION = "--securityhub-region";
    /** The scan's home region, as the scan records it. */
    static final String HOME_REGION_OPTION = "--region";

    public SecurityHubTarget {
        AwsNames.requireAccountId(accountId);
        AwsNames.requireRegion(region);
        Objects.requireNonNull(partition, "partition");
    }

    /**
     * The target of a render: each of {@code account} and {@code region} given (not null) wins; else the
     * value the scan was run with ({@code --securityhub-account}, {@code --securityhub-region}); else the
     * scan's caller account and home region ({@code --region} as the scan recorded it).
     *
     * @throws IllegalArgumentException if a value is malformed, or no region is given or recorded (a
     *                                  scan.json of an older orgscan whose home region came from the
     *                                  environment)
     */
    public static SecurityHubTarget of(ScanMetadata scan, String account, String region) {
        String chosenAccount = firstOf(account, recorded(scan, ACCOUNT_OPTION), scan.callerAccountId());
        String chosenRegion = firstOf(region, recorded(scan, REGION_OPTION), recorded(scan, HOME_REGION_OPTION));
        if (!AwsNames.isAccountId(chosenAccount)) {
            throw new IllegalArgumentException(ACCOUNT_OPTION + ": '" + chosenAccount + "' is not a 12-digit account id");
        }
        if (chosenRegion == null) {
            throw new IllegalArgumentException("the scan does not record its home region; name the Security Hub region "
                    + "with " + REGION_OPTION);
        }
        if (!AwsNames.isRegion(chosenRegion)) {
            throw new IllegalArgumentException(REGION_OPTION + ": '" + chosenRegion + "' is not a region name");
        }
        return new SecurityHubTarget(chosenAccount, chosenRegion, scan.partition());
    }

    /** {@code arn:<partition>:securityhub:<region>:<account>:product/<account>/default}. */
    public String productArn() {
        return "arn:" + partition + ":securityhub:" + region + ":" + accountId + ":product/" + accountId + "/default";
    }

    private static String recorded(ScanMetadata scan, String option) {
        Optional<String> value = scan.parameters().stream()
                .filter(p -> p.name().equals(option))
                .map(Parameter::value)
                .filter(v -> !v.isBlank())
                .findFirst();
        return value.orElse(null);
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
