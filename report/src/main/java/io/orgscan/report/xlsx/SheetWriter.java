package io.orgscan.report.xlsx;

import io.orgscan.report.evidence.RenderInput;

/**
 * Adds one sheet (or a run of sheets, e.g. a table continued past Excel's row limit) to the
 * workbook. {@link WorkbookWriter} calls its writers in order, so the order of the list is the order
 * of the tabs. A new sheet is a new class implementing this, added to that list.
 */
@FunctionalInterface
public interface SheetWriter {
    /**
     * Creates this writer's sheets through {@code workbook} and fills them. Rows must be created in
     * ascending order within a sheet (the workbook streams them to disk).
     */
    void write(RenderInput input, WorkbookContext workbook);
}
