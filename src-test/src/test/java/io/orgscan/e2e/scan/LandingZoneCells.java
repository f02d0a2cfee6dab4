package io.orgscan.e2e.scan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The expected judgement of every cell of {@code samples/landing-zone-org.json}, worked out by hand
 * from the scenario and the decision table (README, "How a cell is judged"), for the scan run from the
 * security account (100000000002) with the management account's organization role for the
 * Organizations calls. Columns: reason under {@code --policy org} and {@code --policy account}, each
 * without and with {@code --scp-denied-regions not-applicable}, and the SCP statement a
 * REGION_DENIED_BY_SCP cell names (the first region deny on the account's path, root first).
 *
 * <p>Facts used. The root's Control Tower deny (p-ctregiondeny1 GRREGIONDENY) denies every region but
 * us-east-1 and eu-west-1 to every account but the management account, and exempts access-analyzer:*
 * and ec2:DescribeRegions, so it alone makes no call fail. The management account has no
 * OrganizationAccountAccessRole; the organization role in it (--org-role-arn) reads its regions and
 * analyzers instead (its ACCOUNT analyzer in us-east-1, no organization analyzer), and SCPs never
 * restrict it. The security account's ACTIVE organization analyzers in us-east-1,
 * eu-west-1 and us-west-2 (regions enabled in every account) cover every account there under the org
 * policy, before any SCP rule. Traps: sandbox (Action "*" outside us-east-1: ListAnalyzers denied
 * elsewhere); prod-eu (StringNotLike "eu-*", Access Analyzer not exempted: denied in us-east-1, us-west-2,
 * ap-southeast-2; eu-central-1 passes that SCP but the root's denies it); dev (a deny attached to the
 * account alone); data (a deny that exempts the scan's role: every call succeeds, the COMPLIANT
 * eu-central-1 stays COMPLIANT); restricted (no FullAWSAccess on its OU: DescribeRegions implicitly
 * denied, regions unknown, af-south-1 still denied by the root's SCP); web (only the decoy
 * ec2:RunInstances deny besides the root's: nothing changes because of it, and its DISABLED analyzer in
 * eu-west-1 is ANALYZER_NOT_ACTIVE where no organization analyzer covers it); management (under the
 * root's deny, which never applies to it). The other rules: legacy is SUSPENDED; acquired has no member
 * role (undecided, but certain organization coverage in the regions enabled everywhere, and the root's
 * deny with the option, even in af-south-1, whose enablement is unknown); dev's ListAnalyzers in
 * us-east-1 is throttled past its retries (API_ERROR, covered under the org policy); the security
 * account's ListAnalyzers in eu-central-1 too, so there the delegated administrator's organization
 * analyzers are unknown and, under the org policy, members without an analyzer of their own are
 * undecided (ORGANIZATION_ANALYZERS_NOT_READ) unless an earlier rule decides them.
 */
final class LandingZoneCells {
    static final String CT = "p-ctregiondeny1 GRREGIONDENY";

    private static final String TABLE = """
            # account    region          org                           account                       org+option                    account+option                deny
            100000000001 af-south-1      REGION_NOT_ENABLED            REGION_NOT_ENABLED            REGION_NOT_ENABLED            REGION_NOT_ENABLED            -
            100000000001 ap-southeast-2  NO_EXTERNAL_ACCESS_ANALYZER   NO_EXTERNAL_ACCESS_ANALYZER   NO_EXTERNAL_ACCESS_ANALYZER   NO_EXTERNAL_ACCESS_ANALYZER   -
            100000000001 eu-central-1    API_ERROR                     NO_EXTERNAL_ACCESS_ANALYZER   API_ERROR                     NO_EXTERNAL_ACCESS_ANALYZER   -
            100000000001 eu-west-1       ACTIVE_ORGANIZATION_ANALYZER  NO_EXTERNAL_ACCESS_ANALYZER   ACTIVE_ORGANIZATION_ANALYZER  NO_EXTERNAL_ACCESS_ANALYZER   -
            100000000001 us-east-1       ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       -
            100000000001 us-west-2       ACTIVE_ORGANIZATION_ANALYZER  NO_EXTERNAL_ACCESS_ANALYZER   ACTIVE_ORGANIZATION_ANALYZER  NO_EXTERNAL_ACCESS_ANALYZER   -
            100000000002 af-south-1      REGION_NOT_ENABLED            REGION_NOT_ENABLED            REGION_NOT_ENABLED            REGION_NOT_ENABLED            -
            100000000002 ap-southeast-2  NO_EXTERNAL_ACCESS_ANALYZER   NO_EXTERNAL_ACCESS_ANALYZER   REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000002 eu-central-1    API_ERROR                     API_ERROR                     REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000002 eu-west-1       ACTIVE_ORGANIZATION_ANALYZER  ACTIVE_ORGANIZATION_ANALYZER  ACTIVE_ORGANIZATION_ANALYZER  ACTIVE_ORGANIZATION_ANALYZER  -
            100000000002 us-east-1       ACTIVE_ORGANIZATION_ANALYZER  ACTIVE_ORGANIZATION_ANALYZER  ACTIVE_ORGANIZATION_ANALYZER  ACTIVE_ORGANIZATION_ANALYZER  -
            100000000002 us-west-2       ACTIVE_ORGANIZATION_ANALYZER  ACTIVE_ORGANIZATION_ANALYZER  ACTIVE_ORGANIZATION_ANALYZER  ACTIVE_ORGANIZATION_ANALYZER  -
            100000000003 af-south-1      REGION_NOT_ENABLED            REGION_NOT_ENABLED            REGION_NOT_ENABLED            REGION_NOT_ENABLED            -
            100000000003 ap-southeast-2  DENIED_BY_SCP                 DENIED_BY_SCP                 REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000003 eu-central-1    DENIED_BY_SCP                 DENIED_BY_SCP                 REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000003 eu-west-1       ACTIVE_ORGANIZATION_ANALYZER  DENIED_BY_SCP                 ACTIVE_ORGANIZATION_ANALYZER  REGION_DENIED_BY_SCP          p-sandboxdeny1 DenyAllOutsideUsEast1
            100000000003 us-east-1       ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       -
            100000000003 us-west-2       ACTIVE_ORGANIZATION_ANALYZER  DENIED_BY_SCP                 ACTIVE_ORGANIZATION_ANALYZER  REGION_DENIED_BY_SCP          CT
            100000000004 af-south-1      REGION_NOT_ENABLED            REGION_NOT_ENABLED            REGION_NOT_ENABLED            REGION_NOT_ENABLED            -
            100000000004 ap-southeast-2  DENIED_BY_SCP                 DENIED_BY_SCP                 REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000004 eu-central-1    API_ERROR                     NO_EXTERNAL_ACCESS_ANALYZER   REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000004 eu-west-1       ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       -
            100000000004 us-east-1       ACTIVE_ORGANIZATION_ANALYZER  DENIED_BY_SCP                 ACTIVE_ORGANIZATION_ANALYZER  REGION_DENIED_BY_SCP          p-euonlylike01 DenyOutsideEurope
            100000000004 us-west-2       ACTIVE_ORGANIZATION_ANALYZER  DENIED_BY_SCP                 ACTIVE_ORGANIZATION_ANALYZER  REGION_DENIED_BY_SCP          CT
            100000000005 af-south-1      REGION_NOT_ENABLED            REGION_NOT_ENABLED            REGION_NOT_ENABLED            REGION_NOT_ENABLED            -
            100000000005 ap-southeast-2  DENIED_BY_SCP                 DENIED_BY_SCP                 REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000005 eu-central-1    DENIED_BY_SCP                 DENIED_BY_SCP                 REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000005 eu-west-1       ACTIVE_ORGANIZATION_ANALYZER  DENIED_BY_SCP                 ACTIVE_ORGANIZATION_ANALYZER  REGION_DENIED_BY_SCP          p-acctdeny0001 DenyOutsideUsEast1
            100000000005 us-east-1       ACTIVE_ORGANIZATION_ANALYZER  API_ERROR                     ACTIVE_ORGANIZATION_ANALYZER  API_ERROR                     -
            100000000005 us-west-2       ACTIVE_ORGANIZATION_ANALYZER  DENIED_BY_SCP                 ACTIVE_ORGANIZATION_ANALYZER  REGION_DENIED_BY_SCP          CT
            100000000006 af-south-1      REGION_NOT_ENABLED            REGION_NOT_ENABLED            REGION_NOT_ENABLED            REGION_NOT_ENABLED            -
            100000000006 ap-southeast-2  NO_EXTERNAL_ACCESS_ANALYZER   NO_EXTERNAL_ACCESS_ANALYZER   REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000006 eu-central-1    ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       -
            100000000006 eu-west-1       ACTIVE_ORGANIZATION_ANALYZER  NO_EXTERNAL_ACCESS_ANALYZER   ACTIVE_ORGANIZATION_ANALYZER  REGION_DENIED_BY_SCP          p-exemptscan01 DenyOutsideUsEast1ExceptScanner
            100000000006 us-east-1       ACTIVE_ORGANIZATION_ANALYZER  NO_EXTERNAL_ACCESS_ANALYZER   ACTIVE_ORGANIZATION_ANALYZER  NO_EXTERNAL_ACCESS_ANALYZER   -
            100000000006 us-west-2       ACTIVE_ORGANIZATION_ANALYZER  NO_EXTERNAL_ACCESS_ANALYZER   ACTIVE_ORGANIZATION_ANALYZER  REGION_DENIED_BY_SCP          CT
            100000000007 af-south-1      DENIED_BY_SCP                 DENIED_BY_SCP                 REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000007 ap-southeast-2  DENIED_BY_SCP                 DENIED_BY_SCP                 REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000007 eu-central-1    DENIED_BY_SCP                 DENIED_BY_SCP                 REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000007 eu-west-1       ACTIVE_ORGANIZATION_ANALYZER  DENIED_BY_SCP                 ACTIVE_ORGANIZATION_ANALYZER  DENIED_BY_SCP                 -
            100000000007 us-east-1       ACTIVE_ORGANIZATION_ANALYZER  DENIED_BY_SCP                 ACTIVE_ORGANIZATION_ANALYZER  DENIED_BY_SCP                 -
            100000000007 us-west-2       ACTIVE_ORGANIZATION_ANALYZER  DENIED_BY_SCP                 ACTIVE_ORGANIZATION_ANALYZER  REGION_DENIED_BY_SCP          CT
            100000000008 af-south-1      NO_EXTERNAL_ACCESS_ANALYZER   NO_EXTERNAL_ACCESS_ANALYZER   REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000008 ap-southeast-2  NO_EXTERNAL_ACCESS_ANALYZER   NO_EXTERNAL_ACCESS_ANALYZER   REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000008 eu-central-1    API_ERROR                     NO_EXTERNAL_ACCESS_ANALYZER   REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000008 eu-west-1       ACTIVE_ORGANIZATION_ANALYZER  ANALYZER_NOT_ACTIVE           ACTIVE_ORGANIZATION_ANALYZER  ANALYZER_NOT_ACTIVE           -
            100000000008 us-east-1       ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       ACTIVE_ACCOUNT_ANALYZER       -
            100000000008 us-west-2       ACTIVE_ORGANIZATION_ANALYZER  NO_EXTERNAL_ACCESS_ANALYZER   ACTIVE_ORGANIZATION_ANALYZER  REGION_DENIED_BY_SCP          CT
            100000000009 af-south-1      ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            -
            100000000009 ap-southeast-2  ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            -
            100000000009 eu-central-1    ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            -
            100000000009 eu-west-1       ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            -
            100000000009 us-east-1       ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            -
            100000000009 us-west-2       ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            ACCOUNT_NOT_ACTIVE            -
            100000000010 af-south-1      ASSUME_ROLE_FAILED            ASSUME_ROLE_FAILED            REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000010 ap-southeast-2  ASSUME_ROLE_FAILED            ASSUME_ROLE_FAILED            REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000010 eu-central-1    ASSUME_ROLE_FAILED            ASSUME_ROLE_FAILED            REGION_DENIED_BY_SCP          REGION_DENIED_BY_SCP          CT
            100000000010 eu-west-1       ACTIVE_ORGANIZATION_ANALYZER  ASSUME_ROLE_FAILED            ACTIVE_ORGANIZATION_ANALYZER  ASSUME_ROLE_FAILED            -
            100000000010 us-east-1       ACTIVE_ORGANIZATION_ANALYZER  ASSUME_ROLE_FAILED            ACTIVE_ORGANIZATION_ANALYZER  ASSUME_ROLE_FAILED            -
            100000000010 us-west-2       ACTIVE_ORGANIZATION_ANALYZER  ASSUME_ROLE_FAILED            ACTIVE_ORGANIZATION_ANALYZER  REGION_DENIED_BY_SCP          CT
            """;

    private LandingZoneCells() {
    }

    /** "account region" -> reason, for "org" or "account", with or without the option. */
    static Map<String, String> reasons(String policy, boolean option) {
        int column = (policy.equals("org") ? 2 : 3) + (option ? 2 : 0);
        Map<String, String> expected = new LinkedHashMap<>();
        for (String[] fields : rows()) {
            expected.put(fields[0] + " " + fields[1], fields[column]);
        }
        return expected;
    }

    /** "account region" -> "policy-id Sid" the REGION_DENIED_BY_SCP cells name. */
    static Map<String, String> denies() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String[] fields : rows()) {
            if (!fields[6].equals("-")) {
                expected.put(fields[0] + " " + fields[1], fields[6].equals("CT") ? CT : fields[6] + " " + fields[7]);
            }
        }
        return expected;
    }

    private static java.util.List<String[]> rows() {
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        for (String line : TABLE.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(line.trim().split("\\s+"));
            }
        }
        return rows;
    }

    static String statusOf(String reason) {
        return reason.equals("REGION_DENIED_BY_SCP") ? "NOT_APPLICABLE" : ExpectedCells.statusOf(reason);
    }
}
