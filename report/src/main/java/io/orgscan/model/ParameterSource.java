package io.orgscan.model;

/** Where a scan parameter's value came from. */
public enum ParameterSource {
    DEFAULT,
    COMMAND_LINE
}
