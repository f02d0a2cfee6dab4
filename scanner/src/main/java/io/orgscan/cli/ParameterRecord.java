package io.orgscan.cli;

import io.orgscan.model.Parameter;
import io.orgscan.model.ParameterSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every option of a command with the value the run used and whether it came from a default or the command line. */
final class ParameterRecord {
    private ParameterRecord() {
    }

    static List<Parameter> of(CommandSpec spec) {
        List<Parameter> parameters = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            // The exceptions register is recorded whole (scan.json's exception_register), not as a parameter:
            // a later report may replace it.
            if (option.usageHelp() || option.versionHelp() || option.longestName().equals("--debug")
                    || option.longestName().equals(ScanCommand.EXCEPTIONS)) {
                continue;
            }
            boolean given = spec.commandLine().getParseResult().hasMatchedOption(option);
            parameters.add(new Parameter(option.longestName(), text(option.getValue()),
                    given ? ParameterSource.COMMAND_LINE : ParameterSource.DEFAULT));
        }
        parameters.sort(Comparator.comparing(Parameter::name));
        return parameters;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> values) {
            return String.join(",", values.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }
}
