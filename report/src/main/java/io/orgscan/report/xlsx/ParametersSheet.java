package io.orgscan.report.xlsx;

import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.table.ParametersTable;

/** The Parameters sheet: {@link ParametersTable} with a bold, frozen, filtered header. */
public final class ParametersSheet implements SheetWriter {
    public static final String NAME = "Parameters";

    @Override
    public void write(RenderInput input, WorkbookContext workbook) {
        new TableSheet<>(NAME, ParametersTable::of).write(input, workbook);
    }
}
