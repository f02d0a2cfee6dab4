package io.orgscan.cli;

import io.orgscan.model.AwsNames;
import io.orgscan.model.ExceptionRegister;
import io.orgscan.report.exceptions.RegisterException;
import io.orgscan.report.exceptions.RegisterFile;
import io.orgscan.report.folder.OutputFormat;
import io.orgscan.report.folder.ReportWriteException;
import io.orgscan.report.folder.RunFolder;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Checks user input before any AWS call, each failure one line naming the option and the value. */
final class InputChecks {
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");

    private InputChecks() {
    }

    /** Splits comma-separated values (the option may also repeat), checking each. */
    static List<String> list(String option, List<String> raw, Predicate<String> valid, String expected) throws UsageException {
        Set<String> values = new LinkedHashSet<>();
        for (String item : raw) {
            // An empty value names nothing: taken as "no filter" it would silently widen the scan.
            if (item.replace(",", "").isBlank()) {
                throw new UsageException(option + ": the value is empty; name at least one, or leave the option out");
            }
            for (String value : item.split(",")) {
                String trimmed = value.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (!valid.test(trimmed)) {
                    throw new UsageException(option + ": '" + trimmed + "' is not " + expected);
                }
                values.add(trimmed);
            }
        }
        return new ArrayList<>(values);
    }

    static List<String> accountIds(String option, List<String> raw) throws UsageException {
        return list(option, raw, AwsNames::isAccountId, "a 12-digit AWS account id");
    }

    static List<String> regions(String option, List<String> raw) throws UsageException {
        return list(option, raw, AwsNames::isRegion, "an AWS region name (like eu-west-1)");
    }

    static List<String> ouIds(String option, List<String> raw) throws UsageException {
        return list(option, raw, AwsNames::isOuOrRootId, "an organizational unit id (ou-xxxx-xxxxxxxx) or root id (r-xxxx)");
    }

    static String region(String option, String value) throws UsageException {
        if (!AwsNames.isRegion(value)) {
            throw new UsageException(option + ": '" + value + "' is not an AWS region name (like us-east-1)");
        }
        return value;
    }

    static String matching(String option, String value, Pattern pattern, String expected) throws UsageException {
        if (value != null && !pattern.matcher(value).matches()) {
            throw new UsageException(option + ": '" + value + "' is not " + expected);
        }
        return value;
    }

    static String roleName(String value) throws UsageException {
        return matching("--role-name", value, ROLE_NAME, "an IAM role name");
    }

    static String sessionName(String value) throws UsageException {
        return matching("--role-session-name", value, SESSION_NAME, "a role session name (2-64 of letters, digits and +=,.@-)");
    }

    static String externalId(String value) throws UsageException {
        return matching("--external-id", value, EXTERNAL_ID, "an external id (2-1224 of letters, digits and +=,.@:/-)");
    }

    static String roleArn(String value) throws UsageException {
        return matching("--org-role-arn", value, ROLE_ARN, "an IAM role ARN (arn:aws:iam::123456789012:role/NAME)");
    }

    static URI endpoint(String value) throws UsageException {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new UsageException("--endpoint-url: '" + value + "' is not an http:// or https:// URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--endpoint-url: '" + value + "' is not a URL", e);
        }
    }

    static int range(String option, int value, int min, int max) throws UsageException {
        if (value < min || value > max) {
            throw new UsageException(option + ": " + value + " is out of range " + min + ".." + max);
        }
        return value;
    }

    static <E extends Enum<E>> E choice(String option, String value, Class<E> type) throws UsageException {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new UsageException(option + ": '" + value + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase()).toList());
    }

    /** The {@code --format} values, comma-separated or repeated; at least one. */
    static Set<OutputFormat> formats(List<String> raw) throws UsageException {
        Set<OutputFormat> chosen = EnumSet.noneOf(OutputFormat.class);
        for (String format : list("--format", raw, value -> true, "")) {
            chosen.add(choice("--format", format, OutputFormat.class));
        }
        if (chosen.isEmpty()) {
            throw new UsageException("--format: name at least one of json, csv, xlsx");
        }
        return chosen;
    }

    /**
     * Fails before the scan, not after an hour of it, when the run folder cannot be written: it is a
     * file, holds files that are not an orgscan report, or its parent cannot be written. Creates nothing:
     * the folder appears only when its report is swapped in ({@link RunFolder}).
     */
    static Path writableDirectory(String option, Path dir) throws UsageException {
        if (dir == null || dir.toString().isBlank()) {
            // Path.of("") is the current directory: an empty value would write the reports there.
            throw new UsageException(option + ": the value is empty; name a folder");
        }
        try {
            RunFolder.check(dir);
            return dir;
        } catch (ReportWriteException e) {
            throw new UsageException(option + ": " + e.getMessage(), e);
        }
    }

    /** The exceptions register of {@code --exceptions}, read and checked whole; null when not given. */
    static ExceptionRegister exceptions(Path file) throws UsageException {
        if (file == null) {
            return null;
        }
        try {
            return RegisterFile.read(file);
        } catch (RegisterException e) {
            throw new UsageException("--exceptions: " + e.getMessage(), e);
        }
    }
}
