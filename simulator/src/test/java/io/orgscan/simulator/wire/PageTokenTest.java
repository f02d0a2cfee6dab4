package io.orgscan.simulator.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PageTokenTest {
    private final PageToken tokens = new PageToken("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void roundTripsWithinItsListing() {
        String token = tokens.encode("ListAccounts", 40);

        assertThat(tokens.decode("ListAccounts", token)).contains(40);
    }

    @Test
    void isOpaque() {
        String token = tokens.encode("ListAccounts", 40);

        assertThat(token).doesNotContain("40").doesNotContain("ListAccounts");
    }

    @Test
    void rejectsTokensOfAnotherListingAnotherSimulatorEditsAndGarbage() {
        String token = tokens.encode("ListAccountsForParent/ou-a", 2);
        PageToken otherSimulator = new PageToken("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("ListAccountsForParent/ou-a\n4".getBytes(StandardCharsets.UTF_8));
        String edited = payload + token.substring(token.indexOf('.'));

        assertThat(tokens.decode("ListAccountsForParent/ou-b", token)).isEmpty();
        assertThat(otherSimulator.decode("ListAccountsForParent/ou-a", token)).isEmpty();
        assertThat(tokens.decode("ListAccountsForParent/ou-a", edited)).isEmpty();
        assertThat(tokens.decode("ListAccounts", "not-a-token")).isEmpty();
        assertThat(tokens.decode("ListAccounts", "!!!.???")).isEmpty();
        assertThat(tokens.decode("ListAccounts", "")).isEmpty();
    }
}
