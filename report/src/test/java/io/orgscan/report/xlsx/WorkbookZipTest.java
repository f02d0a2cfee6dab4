package io.orgscan.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.Test;

/**
 * The zip as Commons Compress writes it through {@link WorkbookZip}'s two settings: a fixed entry
 * time and zip64 only when needed. An upgrade of Commons Compress that changed what those settings
 * do fails here.
 */
class WorkbookZipTest {
    private static Map<String, byte[]> entries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("empty.xml", new byte[0]);
        entries.put("a.xml", "<a/>".getBytes(StandardCharsets.US_ASCII));
        entries.put("rows.xml", "<row r=\"1\"><c t=\"inlineStr\"><is><t>x</t></is></c></row>".repeat(20_000)
                .getBytes(StandardCharsets.US_ASCII));
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WorkbookZip zip = new WorkbookZip(out, 5)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
        return out.toByteArray();
    }

    @Test
    void everyEntryReadsBackWithJavaUtilZipAndTheFixedTime() throws IOException {
        Map<String, byte[]> entries = entries();
        Map<String, byte[]> read = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip(entries)))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertThat(entry.getMethod()).isEqualTo(ZipEntry.DEFLATED);
                assertThat(entry.getTimeLocal()).isEqualTo(LocalDateTime.of(1980, 1, 1, 0, 0));
                read.put(entry.getName(), in.readAllBytes());
            }
        }

        assertThat(read.keySet()).containsExactlyElementsOf(entries.keySet());
        entries.forEach((name, data) -> assertThat(read.get(name)).as(name).isEqualTo(data));
    }

    @Test
    void theSameContentGivesTheSameBytes() throws IOException {
        assertThat(zip(entries())).isEqualTo(zip(entries()));
    }

    @Test
    void noLocalHeaderCarriesAZip64ExtraField() throws IOException {
        byte[] zip = zip(entries());
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int headers = 0;
        for (int at = 0; at + 30 <= zip.length; at++) {
            if (buffer.getInt(at) == 0x04034b50) {
                headers++;
                assertThat(buffer.getShort(at + 28)).as("extra field length").isZero();
            }
        }
        assertThat(headers).isGreaterThanOrEqualTo(entries().size());
    }
}
