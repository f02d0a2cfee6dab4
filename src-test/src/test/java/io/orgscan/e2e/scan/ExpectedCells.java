package io.orgscan.e2e.scan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expected judgement of every cell of {@code scenarios/scan-rules.json}, worked out by hand from
 * the scenario: account, region, reason under {@code --policy org}, reason under {@code --policy account}.
 * Under the org policy, the delegated administrator's ACTIVE organization analyzers in eu-west-1 and
 * us-east-1 (regions enabled in every account) cover 666666666666, whose role cannot be assumed, and
 * 888888888888, whose ListAnalyzers is denied there: that coverage is certain.
 */
final class ExpectedCells {
    private static final String TABLE = """
            # account    region        org policy                    account policy
            111111111111 af-south-1    REGION_NOT_ENABLED            REGION_NOT_ENABLED
            111111111111 ap-east-1     REGION_NOT_ENABLED            REGION_NOT_ENABLED
            111111111111 eu-central-1  NO_EXTERNAL_ACCESS_ANALYZER   NO_EXTERNAL_ACCESS_ANALYZER
            111111111111 eu-west-1     ACTIVE_ORGANIZATION_ANALYZER  NO_EXTERNAL_ACCESS_ANALYZER
            111111111111 us-east-1     ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            111111111111 us-west-2     ANALYZER_NOT_ACTIVE           NO_EXTERNAL_ACCESS_ANALYZER
            123456789012 af-south-1    REGION_NOT_ENABLED            REGION_NOT_ENABLED
            123456789012 ap-east-1     NO_EXTERNAL_ACCESS_ANALYZER   NO_EXTERNAL_ACCESS_ANALYZER
            123456789012 eu-central-1  ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            123456789012 eu-west-1     ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            123456789012 us-east-1     ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            123456789012 us-west-2     ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            222222222222 af-south-1    ACTIVE_ORGANIZATION_ANALYZER  ACTIVE_ORGANIZATION_ANALYZER
            222222222222 ap-east-1     REGION_NOT_ENABLED            REGION_NOT_ENABLED
            222222222222 eu-central-1  NO_EXTERNAL_ACCESS_ANALYZER   NO_EXTERNAL_ACCESS_ANALYZER
            222222222222 eu-west-1     ACTIVE_ORGANIZATION_ANALYZER  ACTIVE_ORGANIZATION_ANALYZER
            222222222222 us-east-1     ACTIVE_ORGANIZATION_ANALYZER  ACTIVE_ORGANIZATION_ANALYZER
            222222222222 us-west-2     ANALYZER_NOT_ACTIVE           ANALYZER_NOT_ACTIVE
            333333333333 af-south-1    ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            333333333333 ap-east-1     REGION_NOT_ENABLED            REGION_NOT_ENABLED
            333333333333 eu-central-1  ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            333333333333 eu-west-1     ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            333333333333 us-east-1     ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            333333333333 us-west-2     ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            444444444444 af-south-1    REGION_NOT_ENABLED            REGION_NOT_ENABLED
            444444444444 ap-east-1     REGION_NOT_ENABLED            REGION_NOT_ENABLED
            444444444444 eu-central-1  NO_EXTERNAL_ACCESS_ANALYZER   NO_EXTERNAL_ACCESS_ANALYZER
            444444444444 eu-west-1     ACTIVE_ORGANIZATION_ANALYZER  NO_EXTERNAL_ACCESS_ANALYZER
            444444444444 us-east-1     ACTIVE_ORGANIZATION_ANALYZER  NO_EXTERNAL_ACCESS_ANALYZER
            444444444444 us-west-2     ANALYZER_NOT_ACTIVE           NO_EXTERNAL_ACCESS_ANALYZER
            555555555555 af-south-1    REGION_NOT_ENABLED            REGION_NOT_ENABLED
            555555555555 ap-east-1     REGION_NOT_ENABLED            REGION_NOT_ENABLED
            555555555555 eu-central-1  ANALYZER_NOT_ACTIVE           ANALYZER_NOT_ACTIVE
            555555555555 eu-west-1     ACTIVE_ORGANIZATION_ANALYZER  ANALYZER_NOT_ACTIVE
            555555555555 us-east-1     ACTIVE_ORGANIZATION_ANALYZER  NO_EXTERNAL_ACCESS_ANALYZER
            555555555555 us-west-2     ANALYZER_NOT_ACTIVE           ANALYZER_NOT_ACTIVE
            666666666666 af-south-1    ASSUME_ROLE_FAILED            ASSUME_ROLE_FAILED
            666666666666 ap-east-1     ASSUME_ROLE_FAILED            ASSUME_ROLE_FAILED
            666666666666 eu-central-1  ASSUME_ROLE_FAILED            ASSUME_ROLE_FAILED
            666666666666 eu-west-1     ACTIVE_ORGANIZATION_ANALYZER  ASSUME_ROLE_FAILED
            666666666666 us-east-1     ACTIVE_ORGANIZATION_ANALYZER  ASSUME_ROLE_FAILED
            666666666666 us-west-2     ASSUME_ROLE_FAILED            ASSUME_ROLE_FAILED
            777777777777 af-south-1    ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE
            777777777777 ap-east-1     ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE
            777777777777 eu-central-1  ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE
            777777777777 eu-west-1     ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE
            777777777777 us-east-1     ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE
            777777777777 us-west-2     ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE
            777777777778 af-south-1    ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE
            777777777778 ap-east-1     ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE
            777777777778 eu-central-1  ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE
            777777777778 eu-west-1     ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE
            777777777778 us-east-1     ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE
            777777777778 us-west-2     ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE
            888888888888 af-south-1    REGION_NOT_ENABLED            REGION_NOT_ENABLED
            888888888888 ap-east-1     REGION_NOT_ENABLED            REGION_NOT_ENABLED
            888888888888 eu-central-1  ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            888888888888 eu-west-1     ACTIVE_ORGANIZATION_ANALYZER  ACCESS_DENIED
            888888888888 us-east-1     ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            888888888888 us-west-2     ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            999999999999 af-south-1    REGION_NOT_ENABLED            REGION_NOT_ENABLED
            999999999999 ap-east-1     REGION_NOT_ENABLED            REGION_NOT_ENABLED
            999999999999 eu-central-1  ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            999999999999 eu-west-1     ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            999999999999 us-east-1     ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER
            999999999999 us-west-2     API_ERROR                     API_ERROR
            """;

    private ExpectedCells() {
    }

    /** "account region" -> reason name, for the policy ("org" or "account"). */
    static Map<String, String> forPolicy(String policy) {
        int column = policy.equals("org") ? 2 : 3;
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : TABLE.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            expected.put(fields[0] + " " + fields[1], fields[column]);
        }
        return expected;
    }

    /** The status each reason belongs to (as the product's vocabulary defines it). */
    static String statusOf(String reason) {
        return switch (reason) {
            case "ACTIVE_ACCOUNT_ANALYZER", "ACTIVE_ORGANIZATION_ANALYZER" -> "COMPLIANT";
            case "NO_EXTERNAL_ACCESS_ANALYZER", "ANALYZER_NOT_ACTIVE" -> "NON_COMPLIANT";
            case "REGION_NOT_ENABLED", "ACCOUNT_NOT_ACTIVE", "EXCLUDED" -> "NOT_APPLICABLE";
            default -> "INSUFFICIENT_DATA";
        };
    }
}
