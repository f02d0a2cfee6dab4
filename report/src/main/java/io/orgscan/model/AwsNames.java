package io.orgscan.model;

import java.util.regex.Pattern;

/**
 * The shapes of AWS identifiers that the matrix accepts; checked once, at the edge of every record.
 * Account ids and regions are checked by hand rather than by a regular expression: every cell key
 * checks both, hundreds of thousands of times at the end of a large scan, where a regular
 * expression took a tenth of a second on a cold JVM. AwsNamesTest holds them to the expressions
 * {@code \d{12}} and {@code [a-z]{2}(-[a-z]+)+-\d{1,2}}.
 */
public final class AwsNames {
    private static final int ACCOUNT_ID_LENGTH = 12;
    private static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
    private static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");

    private AwsNames() {
    }

    /** Twelve ASCII digits. */
    public static boolean isAccountId(String value) {
        if (value == null || value.length() != ACCOUNT_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < ACCOUNT_ID_LENGTH; i++) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Two lowercase letters, one or more words of lowercase letters each after a dash, then a dash and
     * one or two digits: us-east-1, eu-central-2, us-gov-west-1, cn-northwest-1, ap-southeast-7.
     */
    public static boolean isRegion(String value) {
        if (value == null) {
            return false;
        }
        int number = value.length();
        while (number > 0 && isDigit(value.charAt(number - 1))) {
            number--;
        }
        int digits = value.length() - number;
        int dash = number - 1;
        if (digits < 1 || digits > 2 || dash < 2 || value.charAt(dash) != '-'
                || !isLower(value.charAt(0)) || !isLower(value.charAt(1))) {
            return false;
        }
        int i = 2;
        do {
            if (value.charAt(i) != '-') {
                return false;
            }
            int word = ++i;
            while (i < dash && isLower(value.charAt(i))) {
                i++;
            }
            if (i == word) {
                return false;
            }
        } while (i < dash);
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
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
