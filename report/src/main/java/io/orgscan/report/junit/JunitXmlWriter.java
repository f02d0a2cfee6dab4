package io.orgscan.report.junit;

import io.orgscan.model.AccountRef;
import io.orgscan.model.Cell;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.ScanMetadata;
import io.orgscan.model.ScanResult;
import io.orgscan.report.evidence.RenderInput;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * junit.xml: the matrix as the JUnit XML report CI servers read (GitLab, Jenkins, Azure DevOps): one
 * {@code <testsuite>} per account, one {@code <testcase>} per region. A NON_COMPLIANT cell is a
 * {@code <failure>}, an INSUFFICIENT_DATA one an {@code <error>} (the check could not run, as a test
 * that errors), a NOT_APPLICABLE one {@code <skipped>}; a COMPLIANT one passes. Every suite carries its
 * counts; the root carries tests, failures and errors, the attributes Jenkins' JUnit schema
 * (xunit junit-10.xsd) allows there, which has no {@code skipped} on {@code <testsuites>}.
 *
 * <p>Streamed with the JDK's own StAX writer (the same bytes on every JVM of a version, whatever else
 * is on the class path); account names and details pass through {@link XmlText}, so no control
 * character an account owner chose can make the file malformed.
 */
public final class JunitXmlWriter {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private final RenderInput input;
    private final XMLStreamWriter xml;

    private JunitXmlWriter(RenderInput input, XMLStreamWriter xml) {
        this.input = input;
        this.xml = xml;
    }

    /** Writes the file to {@code out} (left open). */
    public static void write(RenderInput input, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            new JunitXmlWriter(input, xml).write();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("junit.xml: " + e.getMessage(), e);
        }
    }

    /** Cells of one status among {@code cells}. */
    record Counts(long tests, long failures, long errors, long skipped) {
        static Counts of(List<Cell> cells) {
            long failures = 0;
            long errors = 0;
            long skipped = 0;
            for (Cell cell : cells) {
                switch (cell.status()) {
                    case NON_COMPLIANT -> failures++;
                    case INSUFFICIENT_DATA -> errors++;
                    case NOT_APPLICABLE -> skipped++;
                    case COMPLIANT -> { }
                }
            }
            return new Counts(cells.size(), failures, errors, skipped);
        }
    }

    private void write() throws XMLStreamException {
        ScanResult scan = input.scan();
        ScanMetadata metadata = scan.metadata();
        Counts total = Counts.of(scan.matrix().cells());
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", XmlText.attribute(metadata.toolName() + " " + input.control().securityHubControlId()
                + " IAM Access Analyzer coverage of " + metadata.organizationId()));
        xml.writeAttribute("tests", Long.toString(total.tests()));
        xml.writeAttribute("failures", Long.toString(total.failures()));
        xml.writeAttribute("errors", Long.toString(total.errors()));
        xml.writeAttribute("time", seconds(metadata.startedAt(), metadata.finishedAt()));
        for (AccountRef account : scan.matrix().accounts()) {
            suite(metadata, account, scan.matrix().cellsOf(account.id()));
        }
        xml.writeCharacters("\n");
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
    }

    private void suite(ScanMetadata metadata, AccountRef account, List<Cell> cells) throws XMLStreamException {
        Counts counts = Counts.of(cells);
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", XmlText.attribute(account.name().isBlank() ? account.id()
                : account.id() + " (" + account.name() + ")"));
        xml.writeAttribute("tests", Long.toString(counts.tests()));
        xml.writeAttribute("failures", Long.toString(counts.failures()));
        xml.writeAttribute("errors", Long.toString(counts.errors()));
        xml.writeAttribute("skipped", Long.toString(counts.skipped()));
        xml.writeAttribute("timestamp", TIMESTAMP.format(LocalDateTime.ofInstant(metadata.finishedAt(), ZoneOffset.UTC)));
        xml.writeAttribute("package", classname(account));
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        property("account_id", account.id());
        property("account_name", account.name());
        property("account_state", account.state().name());
        property("ou_path", account.ouPath());
        property("organization_id", metadata.organizationId());
        property("scan_id", metadata.scanId());
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
        for (Cell cell : cells) {
            testcase(account, cell);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private void property(String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", XmlText.attribute(value));
    }

    private void testcase(AccountRef account, Cell cell) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", classname(account));
        xml.writeAttribute("name", cell.key().region());
        String summary = cell.reason() + ": " + (cell.detail().isBlank() ? cell.reason().meaning() : cell.detail());
        switch (cell.status()) {
            case NON_COMPLIANT -> outcome("failure", cell, summary);
            case INSUFFICIENT_DATA -> outcome("error", cell, summary);
            case NOT_APPLICABLE -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", XmlText.attribute(summary));
            }
            case COMPLIANT -> {
                xml.writeStartElement("system-out");
                xml.writeCharacters(XmlText.content(cell.reason() + ": covered by " + cell.coveredByArn()));
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
    }

    /** A failure or an error: the reason as its type, the detail as its message, both and the meaning as text. */
    private void outcome(String element, Cell cell, String summary) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", XmlText.attribute(summary));
        xml.writeAttribute("type", cell.reason().name());
        StringBuilder text = new StringBuilder(cell.reason().meaning());
        if (!cell.detail().isBlank()) {
            text.append('\n').append(cell.detail());
        }
        if (cell.failure() != null) {
            text.append('\n').append(cell.failure().describe());
        }
        xml.writeCharacters(XmlText.content(text.toString()));
        xml.writeEndElement();
    }

    private static String classname(AccountRef account) {
        return "orgscan." + account.id();
    }

    /** The scan's duration in seconds with milliseconds, as Surefire writes {@code time}. */
    private static String seconds(Instant from, Instant to) {
        long millis = Math.max(0, Duration.between(from.truncatedTo(ChronoUnit.MILLIS), to.truncatedTo(ChronoUnit.MILLIS))
                .toMillis());
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }
}
