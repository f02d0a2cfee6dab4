package io.orgscan.e2e.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Credentials handed to one CLI call through its environment; the session token is null for base keys. */
record CliCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    static CliCredentials base(String accessKeyId, String secretAccessKey) {
        return new CliCredentials(accessKeyId, secretAccessKey, null);
    }

    /** The {@code Credentials} object of an {@code sts assume-role} answer. */
    static CliCredentials fromAssumeRole(JsonNode assumeRoleOutput) {
        JsonNode c = assumeRoleOutput.path("Credentials");
        return new CliCredentials(c.path("AccessKeyId").asText(), c.path("SecretAccessKey").asText(),
                c.path("SessionToken").asText());
    }

    @Override
    public String toString() {
        return "CliCredentials[" + accessKeyId + "]";
    }
}
