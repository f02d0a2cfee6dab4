package io.orgscan.model;

import java.util.regex.Pattern;

/** The shapes of AWS identifiers that the matrix accepts; checked once, at the edge of every record. */
public final class AwsNames {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    /** us-east-1, eu-central-2, us-gov-west-1, cn-northwest-1, ap-southeast-7, mx-central-1 ... */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
    private static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");

    private AwsNames() {
    }

    public static boolean isAccountId(String value) {
        return value != null && ACCOUNT_ID.matcher(value).matches();
    }

    public static boolean isRegion(String value) {
        return value != null && REGION.matcher(value).matches();
    }

    /** An organizational unit id or a root id: both can head a subtree for {@code --ous}. */
    public static boolean isOuOrRootId(String value) {
        return value != null && (OU_ID.matcher(value).matches() || ROOT_ID.matcher(value).matches());
    }

    public static String requireAccountId(String value) {
        if (!isAccountId(value)) {
            throw new IllegalArgumentException("not a 12-digit AWS account id: " + value);
        }
        return value;
    }

    public static String requireRegion(String value) {
        if (!isRegion(value)) {
            throw new IllegalArgumentException("not an AWS region name: " + value);
        }
        return value;
    }
}
