package io.orgscan.report.xlsx;

import io.orgscan.report.evidence.WrittenFile;
import java.io.IOException;
import java.util.List;

/**
 * Files of the run written on another thread while the workbook is (the exports for other tools).
 * Their names are known before they are written: the Cover gives them their rows at once, and their
 * size, rows and SHA-256 once every sheet is written ({@link WorkbookContext#afterAllSheets}), when
 * the workbook waits for them; the Reconciliation sheet checks them then too.
 */
public interface FilesBeside {
    /** None: every file the Cover lists was written before the workbook. */
    FilesBeside NONE = new FilesBeside() {
        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public List<WrittenFile> await() {
            return List.of();
        }
    };

    /** Their names, in writing order. */
    List<String> names();

    /**
     * The files as written, in the order of {@link #names()}; waits until they are.
     *
     * @throws IOException if one could not be written (or the wait was interrupted)
     */
    List<WrittenFile> await() throws IOException;
}
