package io.orgscan.report.table;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One column of a {@link Table}: its header, its width in the workbook, what it holds, its entry in
 * data_dictionary.csv, and how to read its value from a row. A CSV's columns and their documentation
 * are one definition, so the dictionary cannot drift from the files.
 *
 * @param name          the exact header, snake_case; part of the CSV contract
 * @param width         the workbook column width in characters (fixed: no autosizing)
 * @param type          what the values are; {@link ColumnType#FREE_TEXT} values are neutralised
 * @param required      true if the value is never empty
 * @param allowedValues the vocabulary of an enum column, {@code |}-joined, or a shape (e.g. {@code 12 digits}); may be empty
 * @param description   what the column means, for data_dictionary.csv
 * @param <R>           the row type
 */
public record Column<R>(String name, int width, ColumnType type, boolean required, String allowedValues,
                        String description, Function<? super R, String> extractor) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(extractor, "extractor");
        allowedValues = allowedValues == null ? "" : allowedValues;
        description = description == null ? "" : description;
        if (width < 1 || width > 255) {
            throw new IllegalArgumentException("column width must be 1..255 characters: " + name);
        }
    }

    /** A required column without documentation yet; add it with {@link #meaning} and {@link #allowing}. */
    public static <R> Column<R> of(String name, int width, ColumnType type, Function<? super R, String> extractor) {
        return new Column<>(name, width, type, true, "", "", extractor);
    }

    /** This column, documented. */
    public Column<R> meaning(String text) {
        return new Column<>(name, width, type, required, allowedValues, text, extractor);
    }

    /** This column with its allowed values or shape. */
    public Column<R> allowing(String values) {
        return new Column<>(name, width, type, required, values, description, extractor);
    }

    /** This column allowing every constant of {@code vocabulary}. */
    public Column<R> allowing(Class<? extends Enum<?>> vocabulary) {
        return allowing(Arrays.stream(vocabulary.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining("|")));
    }

    /** This column, whose value may be empty. */
    public Column<R> optional() {
        return new Column<>(name, width, type, false, allowedValues, description, extractor);
    }

    /**
     * True for text an account owner or a register can choose: neutralised by {@link #value}. An
     * {@link ColumnType#INPUT} column is filled only from an exceptions register, text people typed.
     */
    public boolean freeText() {
        return type == ColumnType.FREE_TEXT || type == ColumnType.INPUT;
    }

    /** The cell's value as every output writes it: never null, neutralised if free text. */
    public String value(R row) {
        String value = extractor.apply(row);
        if (value == null) {
            return "";
        }
        return freeText() ? SpreadsheetText.neutralize(value) : value;
    }
}
