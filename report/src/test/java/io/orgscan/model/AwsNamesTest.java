package io.orgscan.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written account id and region checks accept exactly what their regular expressions do. */
class AwsNamesTest {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    @Test
    void regionsAsAwsNamesThem() {
        assertThat(List.of("us-east-1", "eu-central-2", "us-gov-west-1", "cn-northwest-1", "ap-southeast-7",
                "mx-central-1", "il-central-1", "ap-east-2", "us-isob-east-12"))
                .allMatch(AwsNames::isRegion);
        assertThat(List.of("", "us", "us-1", "us-east", "us-east-", "us-east-123", "US-east-1", "us-East-1",
                "use-east-1", "u-east-1", "us--east-1", "us-east--1", "us-east1-1", "-us-east-1", "us-east-1 ",
                "us-east-\u0661", "us-eas\u0442-1"))
                .noneMatch(AwsNames::isRegion);
        assertThat(AwsNames.isRegion(null)).isFalse();
    }

    @Test
    void accountIdsAreTwelveAsciiDigits() {
        assertThat(AwsNames.isAccountId("012345678901")).isTrue();
        assertThat(List.of("", "01234567890", "0123456789012", "01234567890a", " 12345678901",
                "01234567890\u0661")).noneMatch(AwsNames::isAccountId);
        assertThat(AwsNames.isAccountId(null)).isFalse();
    }

    @Test
    void agreeWithTheRegularExpressionsOnManyStrings() {
        Random random = new Random(42);
        // Region-shaped strings with random flaws: most are near misses, many are regions.
        String[] starts = {"us", "ap", "u", "use", "US", "", "1s"};
        String[] dashes = {"-", "-", "-", "--", "", "_"};
        String[] wordPieces = {"east", "gov", "z", "", "Ea", "e1", "we\u0442"};
        String[] numbers = {"1", "7", "12", "123", "", "\u0661", "01"};
        String[] ends = {"", "", "", " ", "-", "a"};
        List<String> disagreements = new ArrayList<>();
        int regions = 0;
        for (int n = 0; n < 300_000; n++) {
            StringBuilder candidate = new StringBuilder(pick(random, starts));
            for (int word = random.nextInt(4); word > 0; word--) {
                candidate.append(pick(random, dashes)).append(pick(random, wordPieces));
            }
            String value = candidate.append(pick(random, dashes)).append(pick(random, numbers)).append(pick(random, ends))
                    .toString();
            regions += REGION.matcher(value).matches() ? 1 : 0;
            if (AwsNames.isRegion(value) != REGION.matcher(value).matches()
                    || AwsNames.isAccountId(value) != ACCOUNT_ID.matcher(value).matches()) {
                disagreements.add(value);
            }
        }
        for (int n = 0; n < 100_000; n++) {
            String digits = Long.toString(Math.abs(random.nextLong()) % 10_000_000_000_000L);
            if (AwsNames.isAccountId(digits) != ACCOUNT_ID.matcher(digits).matches()) {
                disagreements.add(digits);
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(regions).as("valid regions among the strings").isGreaterThan(1_000);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
