package io.orgscan.e2e.sim;

import static io.orgscan.e2e.sim.WireFixture.MEMBER;
import static io.orgscan.e2e.sim.WireFixture.MEMBER_KEYS;
import static io.orgscan.e2e.sim.WireFixture.OPTED_IN;
import static io.orgscan.e2e.sim.WireFixture.SECURITY;
import static io.orgscan.e2e.sim.WireFixture.SECURITY_KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.model.AccessDeniedException;
import software.amazon.awssdk.services.accessanalyzer.model.AnalyzerStatus;
import software.amazon.awssdk.services.accessanalyzer.model.AnalyzerSummary;
import software.amazon.awssdk.services.accessanalyzer.model.ConflictException;
import software.amazon.awssdk.services.accessanalyzer.model.ListAnalyzersResponse;
import software.amazon.awssdk.services.accessanalyzer.model.ReasonCode;
import software.amazon.awssdk.services.accessanalyzer.model.ResourceNotFoundException;
import software.amazon.awssdk.services.accessanalyzer.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.accessanalyzer.model.Type;
import software.amazon.awssdk.services.accessanalyzer.model.ValidationException;
import software.amazon.awssdk.services.accessanalyzer.model.ValidationExceptionReason;

/**
 * IAM Access Analyzer through the real SDK: ListAnalyzers (filter, pages of 2), GetAnalyzer and
 * CreateAnalyzer (a PUT the Apache client sends with {@code Expect: 100-continue}), with their errors.
 */
class AccessAnalyzerWireTest {
    private WireFixture fixture;
    private AccessAnalyzerClient security;

    @BeforeEach
    void start() {
        fixture = WireFixture.start();
        security = fixture.accessAnalyzer(SECURITY_KEYS, Region.US_EAST_1);
    }

    @AfterEach
    void stop() {
        security.close();
        fixture.close();
    }

    @Test
    void listAnalyzersPagesThroughTheCallersAnalyzersInTheRegion() {
        fixture.simulator.resetStats();
        List<ListAnalyzersResponse> pages = security.listAnalyzersPaginator(r -> r.maxResults(100)).stream().toList();
        List<AnalyzerSummary> analyzers = security.listAnalyzersPaginator(r -> { }).analyzers().stream().toList();

        assertThat(pages).hasSize(2);
        assertThat(pages.get(0).nextToken()).isNotBlank();
        assertThat(pages.get(1).nextToken()).isNull();
        assertThat(analyzers).extracting(AnalyzerSummary::name).containsExactly("org-external", "org-unused", "security-account", "org-old");
        assertThat(fixture.simulator.stats().count("access-analyzer", "ListAnalyzers", SECURITY)).isEqualTo(4);

        AnalyzerSummary external = analyzers.get(0);
        assertThat(external.arn()).isEqualTo("arn:aws:access-analyzer:us-east-1:222222222222:analyzer/org-external");
        assertThat(external.type()).isEqualTo(Type.ORGANIZATION);
        assertThat(external.status()).isEqualTo(AnalyzerStatus.ACTIVE);
        assertThat(external.createdAt()).isEqualTo(Instant.parse("2022-03-04T05:06:07Z"));
        assertThat(external.statusReason()).isNull();
        assertThat(analyzers.get(1).configuration().unusedAccess().unusedAccessAge()).isEqualTo(90);
        assertThat(analyzers.get(3).status()).isEqualTo(AnalyzerStatus.DISABLED);
        assertThat(analyzers.get(3).statusReason().code()).isEqualTo(ReasonCode.DELEGATED_ADMINISTRATOR_DEREGISTERED);
    }

    @Test
    void typeFilterAndMaxResults() {
        assertThat(security.listAnalyzers(r -> r.type(Type.ORGANIZATION)).analyzers()).extracting(AnalyzerSummary::name)
                .containsExactly("org-external", "org-old");
        ListAnalyzersResponse one = security.listAnalyzers(r -> r.maxResults(1).type(Type.ORGANIZATION));
        assertThat(one.analyzers()).hasSize(1);
        assertThat(security.listAnalyzers(r -> r.maxResults(1).type(Type.ORGANIZATION).nextToken(one.nextToken())).analyzers())
                .extracting(AnalyzerSummary::name).containsExactly("org-old");
        assertThatThrownBy(() -> security.listAnalyzers(r -> r.type(Type.ACCOUNT).nextToken(one.nextToken())))
                .as("a token of another listing").isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> security.listAnalyzers(r -> r.maxResults(0)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.reason()).isEqualTo(ValidationExceptionReason.FIELD_VALIDATION_FAILED));
    }

    @Test
    void analyzersBelongToTheCallingAccountAndRegion() {
        try (AccessAnalyzerClient member = fixture.accessAnalyzer(MEMBER_KEYS, Region.US_EAST_1);
             AccessAnalyzerClient capeTown = fixture.accessAnalyzer(fixture.assume(OPTED_IN), Region.AF_SOUTH_1);
             AccessAnalyzerClient securityWest = fixture.accessAnalyzer(SECURITY_KEYS, Region.US_WEST_2)) {
            assertThat(member.listAnalyzers(r -> r.maxResults(10)).analyzers()).singleElement().satisfies(a -> {
                assertThat(a.arn()).isEqualTo("arn:aws:access-analyzer:us-east-1:" + MEMBER + ":analyzer/four");
                assertThat(a.type()).isEqualTo(Type.ACCOUNT);
            });
            assertThat(capeTown.listAnalyzers(r -> r.maxResults(10)).analyzers()).singleElement().satisfies(a -> {
                assertThat(a.status()).isEqualTo(AnalyzerStatus.FAILED);
                assertThat(a.statusReason().code()).isEqualTo(ReasonCode.SERVICE_LINKED_ROLE_CREATION_FAILED);
            });
            assertThat(securityWest.listAnalyzers(r -> r.maxResults(10)).analyzers()).isEmpty();
        }
    }

    @Test
    void getAnalyzer() {
        AnalyzerSummary analyzer = security.getAnalyzer(r -> r.analyzerName("org-old")).analyzer();

        assertThat(analyzer.type()).isEqualTo(Type.ORGANIZATION);
        assertThat(analyzer.statusReason().code()).isEqualTo(ReasonCode.DELEGATED_ADMINISTRATOR_DEREGISTERED);
        assertThatThrownBy(() -> security.getAnalyzer(r -> r.analyzerName("missing")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                });
    }

    @Test
    void createAnalyzerAddsToTheAccountRegionOnly() {
        try (AccessAnalyzerClient member = fixture.accessAnalyzer(MEMBER_KEYS, Region.EU_WEST_2);
             AccessAnalyzerClient memberElsewhere = fixture.accessAnalyzer(MEMBER_KEYS, Region.EU_WEST_3)) {
            String arn = member.createAnalyzer(r -> r.analyzerName("scan-created").type(Type.ACCOUNT)).arn();

            assertThat(arn).isEqualTo("arn:aws:access-analyzer:eu-west-2:" + MEMBER + ":analyzer/scan-created");
            assertThat(member.listAnalyzers(r -> r.maxResults(10)).analyzers()).extracting(AnalyzerSummary::name).containsExactly("scan-created");
            assertThat(member.getAnalyzer(r -> r.analyzerName("scan-created")).analyzer().status()).isEqualTo(AnalyzerStatus.ACTIVE);
            assertThat(memberElsewhere.listAnalyzers(r -> r.maxResults(10)).analyzers()).isEmpty();

            assertThatThrownBy(() -> member.createAnalyzer(r -> r.analyzerName("scan-created").type(Type.ACCOUNT_UNUSED_ACCESS)))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
            assertThatThrownBy(() -> member.createAnalyzer(r -> r.analyzerName("second").type(Type.ACCOUNT)))
                    .isInstanceOfSatisfying(ServiceQuotaExceededException.class, e -> assertThat(e.statusCode()).isEqualTo(402));
            assertThatThrownBy(() -> member.createAnalyzer(r -> r.analyzerName("org").type(Type.ORGANIZATION)))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
            assertThatThrownBy(() -> member.createAnalyzer(r -> r.analyzerName("9-starts-with-a-digit").type(Type.ACCOUNT)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldList()).isNotEmpty());
        }
        assertThat(security.createAnalyzer(r -> r.analyzerName("org-second").type(Type.ORGANIZATION)).arn())
                .endsWith(":222222222222:analyzer/org-second");
        assertThat(fixture.simulator.stats().count("access-analyzer", "CreateAnalyzer")).isEqualTo(6);
    }

    @Test
    void aRepeatedClientTokenIsAnIdempotentRetry() {
        String first = security.createAnalyzer(r -> r.analyzerName("idem").type(Type.ACCOUNT_INTERNAL_ACCESS).clientToken("token-1")).arn();
        String again = security.createAnalyzer(r -> r.analyzerName("idem").type(Type.ACCOUNT_INTERNAL_ACCESS).clientToken("token-1")).arn();

        assertThat(again).isEqualTo(first);
        assertThat(security.listAnalyzers(r -> r.type(Type.ACCOUNT_INTERNAL_ACCESS)).analyzers()).hasSize(1);
    }
}
