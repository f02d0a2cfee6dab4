package io.orgscan.report.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.junit.jupiter.api.Test;

class WorkbookZipTest {
    private static final int LEVEL = 5;
    private static final int CHUNK = WorkbookZip.CHUNK;

    /** Entries around every piece boundary, of XML-like text that deflate can match across pieces. */
    private static Map<String, byte[]> entries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int size : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 17}) {
            entries.put("part-" + size + ".xml", xml(size, size));
        }
        return entries;
    }

    private static byte[] xml(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(size + 100);
        while (text.length() < size) {
            text.append("<row r=\"").append(random.nextInt(100_000)).append("\"><c t=\"inlineStr\"><is><t>")
                    .append(Long.toHexString(random.nextLong() & 0xFFFFFF)).append("</t></is></c></row>");
        }
        return text.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes {@code entries}, each in writes of {@code writeSize} bytes (1 = byte by byte). */
    private static byte[] zip(Map<String, byte[]> entries, int threads, int writeSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WorkbookZip zip = new WorkbookZip(out, LEVEL, threads)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(entry.getKey()));
                byte[] data = entry.getValue();
                for (int off = 0; off < data.length; off += writeSize) {
                    int n = Math.min(writeSize, data.length - off);
                    if (n == 1) {
                        zip.write(data[off]);
                    } else {
                        zip.write(data, off, n);
                    }
                }
                zip.closeArchiveEntry();
            }
            zip.finish();
        }
        return out.toByteArray();
    }

    /** Read back by java.util.zip, which checks each entry's CRC and sizes against its data. */
    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                assertThat(entry.getMethod()).isEqualTo(ZipEntry.DEFLATED);
                assertThat(entry.getTimeLocal()).isEqualTo(LocalDateTime.of(1980, 1, 1, 0, 0));
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @Test
    void everyEntryReadsBackAsWrittenWithItsCrcAndSizesChecked() throws IOException {
        Map<String, byte[]> entries = entries();

        Map<String, byte[]> read = unzip(zip(entries, 4, 8192));

        assertThat(read.keySet()).containsExactlyElementsOf(entries.keySet());
        entries.forEach((name, data) -> assertThat(read.get(name)).as(name).isEqualTo(data));
    }

    @Test
    void theBytesDependOnlyOnTheContentNotOnThreadsOrHowItWasWritten() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a.xml", xml(2 * CHUNK + 5, 1));
        entries.put("b.xml", xml(1000, 2));

        byte[] reference = zip(entries, 1, CHUNK);

        assertThat(zip(entries, 4, 8192)).isEqualTo(reference);
        assertThat(zip(entries, 2, 1)).isEqualTo(reference);
        assertThat(zip(entries, 3, 3 * CHUNK)).isEqualTo(reference);
    }

    @Test
    void largeEntriesCompressAboutAsWellAsOneStream() throws IOException {
        byte[] data = xml(8 * CHUNK, 3);
        ByteArrayOutputStream oneStream = new ByteArrayOutputStream();
        try (var deflater = new java.util.zip.DeflaterOutputStream(oneStream, new java.util.zip.Deflater(LEVEL, true))) {
            deflater.write(data);
        }

        byte[] zip = zip(Map.of("big.xml", data), 4, 65536);

        // Each piece starts from its predecessor's last 32 KiB, so little is lost at the cuts.
        assertThat((double) zip.length).isLessThan(oneStream.size() * 1.01 + 200);
    }

    @Test
    void sizesAndCrcAreInTheLocalHeadersWithoutDataDescriptorsOrZip64() throws IOException {
        byte[] zip = zip(entries(), 2, 8192);
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int headers = 0;
        for (int at = 0; at + 30 <= zip.length; at++) {
            if (buffer.getInt(at) == 0x04034b50) {
                headers++;
                assertThat(buffer.getShort(at + 6) & 0x08).as("data descriptor flag").isZero();
                assertThat(buffer.getInt(at + 18)).as("compressed size").isNotEqualTo(-1);
                assertThat(buffer.getShort(at + 28)).as("no extra field (zip64)").isZero();
            }
            assertThat(buffer.getInt(at)).as("no data descriptor signature").isNotEqualTo(0x08074b50);
        }
        assertThat(headers).isGreaterThanOrEqualTo(entries().size());
    }

    @Test
    void anEntryTooLargeForMemoryGoesThroughATemporaryFileThatIsDeleted() throws IOException {
        byte[] noise = new byte[10 * CHUNK];
        new Random(4).nextBytes(noise); // incompressible: more than 8 MiB deflated
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = spills(tmp);

        Map<String, byte[]> read = unzip(zip(Map.of("noise.bin", noise), 2, 65536));

        assertThat(read.get("noise.bin")).isEqualTo(noise);
        assertThat(spills(tmp)).isEqualTo(before);
    }

    @Test
    void writingOutsideAnEntryIsRefused() throws IOException {
        try (WorkbookZip zip = new WorkbookZip(new ByteArrayOutputStream(), LEVEL, 2)) {
            assertThatThrownBy(() -> zip.write(1)).isInstanceOf(IOException.class);
            assertThatThrownBy(zip::closeArchiveEntry).isInstanceOf(IOException.class);
            zip.putArchiveEntry(new ZipArchiveEntry("a"));
            assertThatThrownBy(() -> zip.putArchiveEntry(new ZipArchiveEntry("b"))).isInstanceOf(IOException.class);
        }
    }

    private static long spills(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("orgscan-zip-")).count();
        }
    }
}
