package io.orgscan.report;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of a {@link Table}: its header name, its width in the workbook, whether it carries
 * free text from AWS, and how to read its value from a row.
 *
 * @param name     the exact header, snake_case; part of the CSV contract
 * @param width    the workbook column width in characters (fixed: no autosizing)
 * @param freeText true for text an account owner can choose; {@link #value} neutralises it with
 *                 {@link SpreadsheetText#neutralize}
 * @param <R>      the row type
 */
public record Column<R>(String name, int width, boolean freeText, Function<? super R, String> extractor) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extractor, "extractor");
        if (width < 1 || width > 255) {
            throw new IllegalArgumentException("column width must be 1..255 characters: " + name);
        }
    }

    /** A column of generated or validated values (ids, enums, ARNs, times). */
    public static <R> Column<R> of(String name, int width, Function<? super R, String> extractor) {
        return new Column<>(name, width, false, extractor);
    }

    /** A column of text from AWS that an account owner controls. */
    public static <R> Column<R> freeText(String name, int width, Function<? super R, String> extractor) {
        return new Column<>(name, width, true, extractor);
    }

    /** The cell's value as every output writes it: never null, neutralised if free text. */
    public String value(R row) {
        String value = extractor.apply(row);
        if (value == null) {
            return "";
        }
        return freeText ? SpreadsheetText.neutralize(value) : value;
    }
}
