package io.orgscan.report.ocsf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orgscan.report.testkit.OcsfReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The derived JSON Schema says what a hand-read of the OCSF 1.6.0 source says: compliance_finding.json
 * and its parents (finding.json, base_event.json) for the class, profiles/cloud.json for the profile,
 * the objects' files for what they require. A derivation that lost a "required" would make every
 * validation weaker without failing any.
 */
class OcsfSchemaTest {
    private final JsonNode schema = OcsfReader.schema();

    @Test
    void theClassRequiresWhatItsSourceFilesRequire() {
        // base_event: activity_id, category_uid, class_uid, metadata, severity_id, time, type_uid;
        // finding: finding_info; compliance_finding: compliance; the cloud profile: cloud.
        assertThat(names(schema.get("required"))).containsExactlyInAnyOrder("activity_id", "category_uid",
                "class_uid", "cloud", "compliance", "finding_info", "metadata", "severity_id", "time", "type_uid");
        assertThat(names(def("metadata").get("required"))).containsExactlyInAnyOrder("product", "version");
        assertThat(names(def("finding_info").get("required"))).containsExactly("uid");
        assertThat(names(def("cloud").get("required"))).containsExactly("provider");
        assertThat(def("compliance").has("required")).isFalse();
        // _entity's at_least_one (name, uid), inherited by product, account and resource_details.
        assertThat(def("product").get("anyOf").toString()).isEqualTo("[{\"required\":[\"name\"]},{\"required\":[\"uid\"]}]");
    }

    @Test
    void theClassIdentifiersAreCompliancesOnly() {
        JsonNode properties = schema.get("properties");
        assertThat(properties.at("/class_uid/enum").toString()).isEqualTo("[2003]");
        assertThat(properties.at("/category_uid/enum").toString()).isEqualTo("[2]");
        assertThat(properties.at("/activity_id/enum").toString()).isEqualTo("[0,1,2,3,99]");
        assertThat(properties.at("/type_uid/enum").toString()).isEqualTo("[200300,200301,200302,200303,200399]");
        assertThat(properties.at("/time/type").asText()).isEqualTo("integer");
        assertThat(def("compliance").at("/properties/status_id/enum").toString()).isEqualTo("[0,1,2,3,99]");
    }

    @Test
    void onlyTheCloudProfileIsApplied() {
        JsonNode properties = schema.get("properties");
        assertThat(properties.has("cloud")).isTrue();
        assertThat(properties.has("api")).isTrue();
        // incident and security_control attributes are not in the class without their profile; those
        // finding.json keeps in every event ("profile": null) are.
        assertThat(properties.has("verdict_id")).isFalse();
        assertThat(properties.has("risk_score")).isFalse();
        assertThat(properties.has("confidence_id")).isTrue();
        assertThat(def("resource_details").at("/properties/region").isMissingNode()).isFalse();
        assertThat(def("metadata").at("/properties/data_classification").isMissingNode()).isTrue();
    }

    private JsonNode def(String name) {
        return schema.get("$defs").get(name);
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
