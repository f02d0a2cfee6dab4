package io.orgscan.report.folder;

import io.orgscan.report.evidence.WrittenFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SHA256SUMS: one line per file, {@code <sha256><space><space><name>\n}, the text-mode format GNU
 * {@code sha256sum} writes and {@code sha256sum -c} checks (and {@code shasum -a 256 -c}). File
 * names are orgscan's fixed ASCII names, so no escaping is ever needed.
 */
public final class Sha256Sums {
    private Sha256Sums() {
    }

    public static void write(List<WrittenFile> files, OutputStream out) throws IOException {
        StringBuilder text = new StringBuilder();
        for (WrittenFile file : files) {
            if (!file.name().matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException("not a plain file name: " + file.name());
            }
            text.append(file.sha256()).append("  ").append(file.name()).append('\n');
        }
        out.write(text.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
