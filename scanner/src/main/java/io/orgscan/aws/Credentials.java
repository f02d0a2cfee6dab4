package io.orgscan.aws;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One short line for a credentials provider's failure. The SDK's own messages list the whole chain and
 * print every profile of the config file (kilobytes on one line), and a failing {@code credential_process}
 * is reported with all of its stderr: the line keeps the reason, the profile and the process's last line.
 */
final class Credentials {
    private static final Pattern PROCESS = Pattern.compile(
            "Command returned non-zero exit value \\((-?\\d+)\\) with error message: (.*)", Pattern.DOTALL);
    private static final Pattern NO_CREDENTIALS = Pattern.compile("Profile file contained no credentials for profile '([^']*)'");
    private static final Pattern MISSING_PROFILE = Pattern.compile("Profile file contained no (?:credentials|profile) for profile '([^']*)'|Profile '([^']*)' does not exist|profile '([^']*)' not found", Pattern.CASE_INSENSITIVE);

    private Credentials() {
    }

    static String reason(String message) {
        Matcher process = PROCESS.matcher(message);
        if (process.find()) {
            return Failures.shorten("credential_process failed (exit " + process.group(1) + "): " + lastLine(process.group(2)));
        }
        if (message.startsWith("Unable to load credentials from any of the providers in the chain")) {
            return Failures.shorten("no credentials found (environment, default profile, web identity, container, instance):"
                    + " use --profile, AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
        }
        Matcher none = NO_CREDENTIALS.matcher(message);
        if (none.find()) {
            return Failures.shorten("profile '" + none.group(1) + "' has no credentials the SDK can use"
                    + " (keys, role_arn with a source, sso_session, credential_process, web identity)");
        }
        Matcher missing = MISSING_PROFILE.matcher(message);
        if (missing.find()) {
            String name = missing.group(1) != null ? missing.group(1) : missing.group(2) != null ? missing.group(2) : missing.group(3);
            return Failures.shorten("profile '" + name + "' is not in the AWS config files (AWS_CONFIG_FILE, ~/.aws/config)");
        }
        int listing = message.indexOf(": ProfileFile(");
        return Failures.shorten(listing < 0 ? message : message.substring(0, listing));
    }

    private static String lastLine(String stderr) {
        String last = "";
        for (String line : stderr.split("\\R")) {
            if (!line.isBlank()) {
                last = line.strip();
            }
        }
        return last.isEmpty() ? "(nothing on stderr)" : last;
    }
}
