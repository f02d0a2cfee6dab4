package io.orgscan.e2e.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one AWS CLI call printed and how it exited. */
record CliResult(List<String> command, int exitCode, String stdout, String stderr) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The CLI's (botocore's) rendering of a service error on stderr. */
    private static final Pattern SERVICE_ERROR =
            Pattern.compile("An error occurred \\(([^)]+)\\) when calling the (\\w+) operation");
    /** aws-cli v2: "the command was parsed and a request was made, but the service returned an error". */
    static final int SERVICE_ERROR_EXIT = 254;

    /** The JSON the CLI printed; fails with the whole call in the message if the call failed. */
    JsonNode json() {
        if (exitCode != 0) {
            throw new AssertionError("expected success of " + describe());
        }
        try {
            return stdout.isBlank() ? JSON.createObjectNode() : JSON.readTree(stdout);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + describe(), e);
        }
    }

    /** The AWS error code the CLI reported on stderr, e.g. {@code AccessDenied}. */
    Optional<String> errorCode() {
        Matcher m = SERVICE_ERROR.matcher(stderr);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The operation named in the CLI's error line, e.g. {@code AssumeRole}. */
    Optional<String> errorOperation() {
        Matcher m = SERVICE_ERROR.matcher(stderr);
        return m.find() ? Optional.of(m.group(2)) : Optional.empty();
    }

    String describe() {
        return String.join(" ", command) + "\n  exit " + exitCode + "\n  stdout: " + abbreviate(stdout)
                + "\n  stderr: " + abbreviate(stderr);
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() <= 2000 ? t : t.substring(0, 2000) + "...";
    }
}
