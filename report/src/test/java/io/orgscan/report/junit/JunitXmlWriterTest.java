package io.orgscan.report.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.orgscan.model.AccountRef;
import io.orgscan.model.AccountState;
import io.orgscan.model.Cell;
import io.orgscan.model.ComplianceStatus;
import io.orgscan.model.Reason;
import io.orgscan.model.ScanResult;
import io.orgscan.report.evidence.RenderInput;
import io.orgscan.report.testkit.ScanFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * junit.xml checked against the JUnit schema of Jenkins' xUnit plugin (junit-10.xsd, a test resource
 * with its provenance) by the JDK's XML Schema validator, and read back by a DOM parser.
 */
class JunitXmlWriterTest {
    private static byte[] junit(ScanResult scan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JunitXmlWriter.write(RenderInput.of(scan), out);
        return out.toByteArray();
    }

    private static void validate(byte[] xml) throws Exception {
        URL xsd = JunitXmlWriterTest.class.getResource("junit-10.xsd");
        assertThat(xsd).as("junit-10.xsd test resource").isNotNull();
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd);
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    private static Document dom(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static long attribute(Element element, String name) {
        return Long.parseLong(element.getAttribute(name));
    }

    private static long count(List<Cell> cells, ComplianceStatus status) {
        return cells.stream().filter(c -> c.status() == status).count();
    }

    /** Account names with characters XML 1.0 cannot carry, even escaped. */
    private static ScanResult controlCharacters() {
        ScanFixture fixture = ScanFixture.builder().regions("eu-west-1", "us-east-1");
        List<String> names = List.of("nul\u0000bell\u0007esc\u001b", "lone \ud800 surrogate", "\uffff\ufffe",
                "</testsuite><testsuite name=\"x\" tests=\"0\" failures=\"0\" errors=\"0\">", "]]> & \"'<>", "tab\tcr\rlf\n");
        for (int i = 0; i < names.size(); i++) {
            String id = String.format("%012d", 500 + i);
            fixture.account(new AccountRef(id, names.get(i), "c@example.com", AccountState.ACTIVE, names.get(i), false, false))
                    .cell(id, "eu-west-1", Reason.API_ERROR, names.get(i))
                    .cell(id, "us-east-1", Reason.NO_EXTERNAL_ACCESS_ANALYZER, names.get(i));
        }
        return fixture.build();
    }

    @Test
    void validatesAgainstJenkinsJunitSchema() throws Exception {
        for (ScanResult scan : List.of(ScanFixture.rich(), ScanFixture.hostile(), ScanFixture.large(20, 7), controlCharacters())) {
            validate(junit(scan));
        }
    }

    @Test
    void theSchemaRefusesWhatItShould() throws Exception {
        byte[] wrong = "<testsuites><testsuite name=\"x\"/></testsuites>".getBytes();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> validate(wrong)).isInstanceOf(SAXException.class);
    }

    @Test
    void oneSuitePerAccountOneCasePerRegionWithTheCountsOfTheMatrix() throws Exception {
        ScanResult scan = ScanFixture.rich();

        Document doc = dom(junit(scan));

        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        List<Cell> all = scan.matrix().cells();
        assertThat(attribute(root, "tests")).isEqualTo(all.size());
        assertThat(attribute(root, "failures")).isEqualTo(count(all, ComplianceStatus.NON_COMPLIANT));
        assertThat(attribute(root, "errors")).isEqualTo(count(all, ComplianceStatus.INSUFFICIENT_DATA));
        assertThat(root.getAttribute("time")).isEqualTo("456.777");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(scan.matrix().accounts().size());
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            AccountRef account = scan.matrix().accounts().get(i);
            List<Cell> cells = scan.matrix().cellsOf(account.id());
            assertThat(suite.getAttribute("name")).isEqualTo(account.id() + " (" + account.name() + ")");
            assertThat(attribute(suite, "tests")).isEqualTo(cells.size());
            assertThat(attribute(suite, "failures")).isEqualTo(count(cells, ComplianceStatus.NON_COMPLIANT));
            assertThat(attribute(suite, "errors")).isEqualTo(count(cells, ComplianceStatus.INSUFFICIENT_DATA));
            assertThat(attribute(suite, "skipped")).isEqualTo(count(cells, ComplianceStatus.NOT_APPLICABLE));
            assertThat(suite.getAttribute("timestamp")).isEqualTo("2025-09-30T22:07:41");
            NodeList cases = suite.getElementsByTagName("testcase");
            assertThat(cases.getLength()).isEqualTo(cells.size());
            for (int c = 0; c < cases.getLength(); c++) {
                Element testcase = (Element) cases.item(c);
                Cell cell = cells.get(c);
                assertThat(testcase.getAttribute("classname")).isEqualTo("orgscan." + account.id());
                assertThat(testcase.getAttribute("name")).isEqualTo(cell.key().region());
                String outcome = switch (cell.status()) {
                    case NON_COMPLIANT -> "failure";
                    case INSUFFICIENT_DATA -> "error";
                    case NOT_APPLICABLE -> "skipped";
                    case COMPLIANT -> "system-out";
                };
                assertThat(testcase.getElementsByTagName(outcome).getLength()).as(cell.key().toString()).isEqualTo(1);
                if (cell.status() == ComplianceStatus.NON_COMPLIANT || cell.status() == ComplianceStatus.INSUFFICIENT_DATA) {
                    Element element = (Element) testcase.getElementsByTagName(outcome).item(0);
                    assertThat(element.getAttribute("type")).isEqualTo(cell.reason().name());
                    assertThat(element.getAttribute("message")).startsWith(cell.reason().name() + ": ");
                }
            }
        }
    }

    @Test
    void theUndecidedCaseCarriesTheFailedCall() throws Exception {
        Document doc = dom(junit(ScanFixture.rich()));

        Element error = (Element) doc.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("type")).isEqualTo("ACCESS_DENIED");
        assertThat(error.getTextContent()).contains("ListAnalyzers", "AccessDeniedException");
    }

    @Test
    void controlCharactersInNamesAreReplacedAndMarkupStaysText() throws Exception {
        ScanResult scan = controlCharacters();

        Document doc = dom(junit(scan));

        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(6);
        assertThat(((Element) suites.item(0)).getAttribute("name")).isEqualTo("000000000500 (nul\ufffdbell\ufffdesc\ufffd)");
        assertThat(((Element) suites.item(1)).getAttribute("name")).isEqualTo("000000000501 (lone \ufffd surrogate)");
        assertThat(((Element) suites.item(3)).getAttribute("name")).startsWith("000000000503 (</testsuite>");
        assertThat(((Element) suites.item(4)).getAttribute("name")).isEqualTo("000000000504 (]]> & \"'<>)");
        assertThat(((Element) suites.item(5)).getAttribute("name")).isEqualTo("000000000505 (tab cr lf )");
        Element failure = (Element) ((Element) suites.item(4)).getElementsByTagName("failure").item(0);
        assertThat(failure.getTextContent()).contains("]]> & \"'<>");
        Element lineBreaks = (Element) ((Element) suites.item(5)).getElementsByTagName("failure").item(0);
        assertThat(lineBreaks.getTextContent()).as("tab, CR and LF kept in text").endsWith("tab\tcr\rlf\n");
    }

    @Test
    void theSameScanGivesTheSameBytes() throws IOException {
        assertThat(junit(ScanFixture.rich())).isEqualTo(junit(ScanFixture.rich()));
    }
}
