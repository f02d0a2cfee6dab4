package io.orgscan.model;

import java.util.Objects;

/** One scan parameter as the run used it, for the evidence of record. */
public record Parameter(String name, String value, ParameterSource source) {
    public Parameter {
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
        Objects.requireNonNull(source, "source");
    }
}
