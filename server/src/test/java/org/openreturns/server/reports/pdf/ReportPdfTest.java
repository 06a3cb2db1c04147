package org.openreturns.server.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.measures.MeasureValue;
import org.openreturns.server.PortalTest;
import org.openreturns.server.accounts.UserRepository;
import org.openreturns.server.api.ApiTokens;
import org.openreturns.server.audit.AuditLog;
import org.openreturns.server.identity.PortalUser;
import org.openreturns.server.reports.views.ParentsReportView;
import org.openreturns.server.testing.Fixtures.TestSchool;
import org.openreturns.server.submissions.SubmissionIntake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.openreturns.server.testing.Fixtures;

/**
 * The report PDFs read back with PDFBox: the same figures as the pages (whole-number percentages), tagged for
 * assistive technology with real table headers, fonts embedded and a title; the parents' report without a pupil's
 * name or UPN; and each school only ever gets its own.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPdfTest {

    @Autowired
    Fixtures f;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserRepository users;

    @Autowired
    SubmissionIntake intake;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    @Autowired
    PdfRenderer renderer;

    long collection;
    TestSchool oak;
    TestSchool elm;
    List<MeasureValue> expected;
    PortalUser officer;

    @BeforeAll
    void uploadTwoSchools() throws Exception {
        collection = f.collection(Collection.KS2_TA);
        oak = f.upload(collection, f.school(collection, "Oakfield Primary School"), 26, 51);
        elm = f.upload(collection, f.school(collection, "Elmwood C of E Primary School"), 22, 52);
        expected = Fixtures.engineCount(List.of(oak, elm), 5);
        officer = users.findByEmail("officer@demo.openreturns.org").orElseThrow();
    }

    private MeasureValue expected(TestSchool school, String id) {
        return expected.stream().filter(v -> v.id().equals(id)
                && (school == null ? v.school() == null : Long.toString(school.id()).equals(v.school())))
                .findFirst().orElseThrow();
    }

    private List<MeasureValue> totals() {
        return expected.stream().filter(v -> v.school() == null).toList();
    }

    private static String shown(MeasureValue v) {
        return v.suppressed() ? "Suppressed" : BigDecimal.valueOf(v.value()).setScale(0, RoundingMode.HALF_UP) + "%";
    }

    private MockHttpServletResponse download(String path, PortalUser who) throws Exception {
        return mvc.perform(get(path).with(user(who))).andExpect(status().isOk()).andReturn().getResponse();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    private void publish(String state) throws Exception {
        mvc.perform(post("/la/collections/{id}/report/publication", collection).param("state", state)
                .with(user(officer)).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void theLaReportsByPupilGroupAndYearOnYearArePdfsAndTheYearsTableASpreadsheetToo() throws Exception {
        String groups = text(download("/la/collections/" + collection + "/report/groups.pdf", officer)
                .getContentAsByteArray());
        assertThat(groups).contains("Girls", "Boys", "Disadvantaged").doesNotContain("Download", "Back to");

        MeasureValue first = totals().get(0);
        String years = text(download("/la/collections/" + collection + "/report/years.pdf", officer)
                .getContentAsByteArray());
        assertThat(years).contains(first.label(), "Oakfield Primary School " + oak.identity().la() + "/"
                + oak.identity().estab() + " " + shown(expected(oak, first.id())), "LA total")
                .doesNotContain("Show measure", "Download");

        MockHttpServletResponse csv = download("/la/collections/" + collection + "/report/years.csv", officer);
        List<String> lines = csv.getContentAsString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("School,DfE number,Measure id,Measure,");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Oakfield Primary School,")
                .contains("," + first.id() + ",").contains("," + shown(expected(oak, first.id()))));
        assertThat(lines.get(lines.size() - 1)).startsWith("LA total,");
        assertThat(download("/la/collections/" + collection + "/report/years.xlsx", officer).getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void everyColumnOfAnEyfspPupilTableFitsTheWidthOfThePage() throws Exception {
        long eyfsp = f.collection(Collection.EYFSP);
        TestSchool school = f.upload(eyfsp, f.school(eyfsp, "Willow Primary School"), 12, 61);
        byte[] pdf = download("/requests/" + school.requestId() + "/report.pdf", school.head())
                .getContentAsByteArray();

        // A PDF cannot scroll sideways: the last goal's column and the findings column must lie on the page.
        List<String> offPage = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                    for (org.apache.pdfbox.text.TextPosition p : positions) {
                        if (p.getXDirAdj() + p.getWidthDirAdj() > p.getPageWidth() + 0.5) {
                            offPage.add(text);
                            break;
                        }
                    }
                    seen.add(text.strip());
                }
            };
            stripper.setSortByPosition(true);
            stripper.getText(doc);
        }
        assertThat(String.join(" ", seen)).contains("E17", "Errors and queries");
        assertThat(offPage).as("text beyond the right edge of the page").isEmpty();
    }

    @Test
    void theSchoolsPdfHasItsFiguresAsWholeNumberPercentagesAndTheLaAndNationalOnceMadePublic() throws Exception {
        publish("NOT_PUBLISHED");
        MockHttpServletResponse response = download("/requests/" + oak.requestId() + "/report.pdf", oak.head());
        assertThat(response.getContentType()).isEqualTo("application/pdf");
        assertThat(response.getHeader("Content-Disposition"))
                .matches("attachment; filename=\"ks2-ta-\\d{4}-oakfield-primary-school-report\\.pdf\"");
        String before = text(response.getContentAsByteArray());
        assertThat(before).contains("Oakfield Primary School");
        for (MeasureValue total : totals()) {
            assertThat(before).contains(total.label() + " " + shown(expected(oak, total.id())));
        }
        assertThat(before).doesNotContain("National").doesNotContain("Download").doesNotContain("Back to");

        MeasureValue first = totals().get(0);
        mvc.perform(post("/la/collections/{id}/national", collection).param(first.id(), "58.6")
                .with(user(officer)).with(csrf())).andExpect(status().is3xxRedirection());
        publish("PROVISIONAL");
        try {
            String after = text(download("/requests/" + oak.requestId() + "/report.pdf", oak.head())
                    .getContentAsByteArray());
            assertThat(after).contains(first.label() + " " + shown(expected(oak, first.id())) + " " + shown(first)
                    + " 59%");
            assertThat(after).contains("Provisional");
        } finally {
            publish("NOT_PUBLISHED");
        }
    }

    @Test
    void everyPdfIsTaggedWithTableHeadersEmbeddedFontsATitleAndALanguage() throws Exception {
        for (String path : List.of("/requests/" + oak.requestId() + "/report.pdf",
                "/requests/" + oak.requestId() + "/parents-report.pdf", "/la/collections/" + collection
                        + "/report.pdf")) {
            PortalUser who = path.startsWith("/la/") ? officer : oak.head();
            try (PDDocument doc = Loader.loadPDF(download(path, who).getContentAsByteArray())) {
                assertThat(doc.getDocumentCatalog().getMarkInfo()).as(path).isNotNull();
                assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).as(path).isTrue();
                assertThat(doc.getDocumentCatalog().getLanguage()).as(path).isEqualTo("en");
                assertThat(doc.getDocumentInformation().getTitle()).as(path).isNotBlank();
                PDStructureTreeRoot root = doc.getDocumentCatalog().getStructureTreeRoot();
                assertThat(root).as(path).isNotNull();
                Set<String> types = new HashSet<>();
                structureTypes(root, types);
                assertThat(types).as(path).contains("Document", "H1", "Table", "TR", "TH", "TD");
                int fonts = 0;
                for (PDPage page : doc.getPages()) {
                    PDResources resources = page.getResources();
                    for (COSName name : resources.getFontNames()) {
                        PDFont font = resources.getFont(name);
                        assertThat(font.isEmbedded()).as(path + " " + font.getName()).isTrue();
                        assertThat(font).isInstanceOf(PDType0Font.class);
                        fonts++;
                    }
                }
                assertThat(fonts).as(path).isPositive();
                assertThat(new PDFTextStripper().getText(doc)).as(path).contains("Page 1 of");
                int[] pageNumber = bottomMarginText(doc.getPage(0));
                assertThat(pageNumber[0]).as(path + ": page number text marked as an artifact").isPositive();
                assertThat(pageNumber[1]).as(path + ": bottom-margin text not marked as an artifact").isZero();
            }
        }
    }

    /**
     * How many text-showing operators in the page's bottom margin (where the page number is) are marked as artifacts
     * (page furniture a screen reader skips) and how many are not.
     */
    private static int[] bottomMarginText(PDPage page) throws IOException {
        PDFStreamParser parser = new PDFStreamParser(page);
        Deque<Boolean> artifact = new ArrayDeque<>();
        List<COSBase> operands = new ArrayList<>();
        float y = Float.MAX_VALUE;
        int[] artifactAndNot = new int[2];
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (token instanceof Operator op) {
                switch (op.getName()) {
                    case "BDC", "BMC" -> artifact.push(COSName.ARTIFACT.equals(operands.get(0))
                            || artifact.contains(Boolean.TRUE));
                    case "EMC" -> artifact.pop();
                    case "Tm" -> y = ((COSNumber) operands.get(5)).floatValue();
                    case "Tj", "TJ" -> {
                        if (y < 50) {
                            artifactAndNot[Boolean.TRUE.equals(artifact.peek()) ? 0 : 1]++;
                        }
                    }
                    default -> {
                    }
                }
                operands.clear();
            } else if (token instanceof COSBase operand) {
                operands.add(operand);
            }
        }
        return artifactAndNot;
    }

    @Test
    void anInlineSvgChartIsAFigureWithItsAltText() throws Exception {
        byte[] bytes = renderer.render("pdftest/chart", java.util.Map.of(), "A chart.",
                PdfRenderer.Orientation.PORTRAIT);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            List<String> alts = new ArrayList<>();
            figures(doc.getDocumentCatalog().getStructureTreeRoot(), alts);
            assertThat(alts).containsExactly("Bar chart: the school 64%, the LA 70%");
        }
    }

    private static void figures(PDStructureNode node, List<String> alts) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                if ("Figure".equals(element.getStructureType())) {
                    alts.add(element.getAlternateDescription());
                }
                figures(element, alts);
            }
        }
    }

    private static void structureTypes(PDStructureNode node, Set<String> types) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                types.add(element.getStructureType());
                structureTypes(element, types);
            }
        }
    }

    @Test
    void theLaPdfHasEverySchoolsRowAndTheTotal() throws Exception {
        MockHttpServletResponse response = download("/la/collections/" + collection + "/report.pdf", officer);
        assertThat(response.getHeader("Content-Disposition")).matches(
                "attachment; filename=\"ks2-ta-\\d{4}-la-report\\.pdf\"");
        String text = text(response.getContentAsByteArray());
        StringBuilder total = new StringBuilder("LA total");
        totals().forEach(t -> total.append(' ').append(shown(t)));
        assertThat(text).contains(total.toString());
        for (TestSchool s : List.of(oak, elm)) {
            StringBuilder row = new StringBuilder(s.identity().name() + " 330/" + s.identity().estab());
            totals().forEach(t -> row.append(' ').append(shown(expected(s, t.id()))));
            assertThat(text).contains(row.toString());
        }
        assertThat(text).doesNotContain("Publish as").doesNotContain("Enter national figures");
    }

    @Test
    void theParentsReportExplainsEachMeasureAndNamesNoPupil() throws Exception {
        publish("PROVISIONAL");
        try {
            String page = mvc.perform(get("/requests/{id}/parents-report", oak.requestId()).with(user(oak.head())))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).contains("What the measures mean").contains("parents-report.pdf");
            MockHttpServletResponse response = download("/requests/" + oak.requestId() + "/parents-report.pdf",
                    oak.head());
            assertThat(response.getHeader("Content-Disposition")).contains("oakfield-primary-school-parents-report.pdf");
            String text = text(response.getContentAsByteArray());
            for (MeasureValue total : totals()) {
                assertThat(text).contains(total.label() + " " + shown(expected(oak, total.id())) + " " + shown(total));
                assertThat(text).contains(ParentsReportView.EXPLANATIONS.get(total.id()).substring(0, 40));
            }
            assertThat(text).contains("does not include any information about an individual child");
            String file = new String(oak.file(), StandardCharsets.UTF_8);
            List<String> identifying = new ArrayList<>();
            identifying.addAll(values(file, "UPN"));
            List<String> surnames = values(file, "Surname");
            List<String> forenames = values(file, "Forename");
            assertThat(surnames).hasSameSizeAs(forenames).hasSizeGreaterThanOrEqualTo(26);
            for (int i = 0; i < surnames.size(); i++) {
                identifying.add(forenames.get(i) + " " + surnames.get(i));
                identifying.add(surnames.get(i) + ", " + forenames.get(i));
            }
            assertThat(identifying).hasSizeGreaterThan(70).allSatisfy(id -> assertThat(text).doesNotContain(id));
        } finally {
            publish("NOT_PUBLISHED");
        }
    }

    private static List<String> values(String xml, String element) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(xml);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void anotherSchoolGetsNotFoundForEveryPdf() throws Exception {
        for (String path : List.of("/requests/" + oak.requestId() + "/report.pdf",
                "/requests/" + oak.requestId() + "/parents-report", "/requests/" + oak.requestId()
                        + "/parents-report.pdf", "/la/collections/" + collection + "/report.pdf",
                "/la/collections/" + collection + "/school-reports.zip")) {
            mvc.perform(get(path).with(user(elm.head()))).andExpect(status().isNotFound());
        }
    }

    @Test
    void theApiGivesATokenItsOwnSchoolsPdfOnly() throws Exception {
        String token = tokens.issue(oak.id(), "PDF test", null);
        long before = audit.count("EXPORT");
        byte[] pdf = mvc.perform(get("/api/v1/file-requests/{id}/report.pdf", oak.requestId())
                .header("Authorization", "Bearer " + token)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        MeasureValue first = totals().get(0);
        assertThat(text(pdf)).contains(first.label() + " " + shown(expected(oak, first.id())));
        assertThat(audit.count("EXPORT")).isGreaterThan(before);
        mvc.perform(get("/api/v1/file-requests/{id}/report.pdf", elm.requestId())
                .header("Authorization", "Bearer " + token)).andExpect(status().isNotFound());
        mvc.perform(get("/api/openapi")).andExpect(status().isOk()).andExpect(jsonPath(
                "$.paths['/api/v1/file-requests/{id}/report.pdf'].get.responses['200'].content['application/pdf']")
                .exists()).andExpect(jsonPath(
                "$.paths['/api/v1/file-requests/{id}/report.pdf'].get.responses['404']").exists());
    }

    @Test
    void theLaZipHoldsEverySchoolsReportPdf() throws Exception {
        long before = audit.count("EXPORT");
        MockHttpServletResponse response = download("/la/collections/" + collection + "/school-reports.zip",
                officer);
        assertThat(response.getContentType()).isEqualTo("application/zip");
        assertThat(response.getHeader("Content-Disposition")).matches(
                "attachment; filename=\"ks2-ta-\\d{4}-school-reports\\.zip\"");
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                names.add(entry.getName());
                String text = text(zip.readAllBytes());
                TestSchool school = entry.getName().contains("oakfield") ? oak : elm;
                assertThat(text).contains(school.identity().name());
                MeasureValue first = totals().get(0);
                assertThat(text).contains(first.label() + " " + shown(expected(school, first.id())));
            }
        }
        assertThat(names).containsExactlyInAnyOrder(
                "330" + oak.identity().estab() + "-oakfield-primary-school-report.pdf",
                "330" + elm.identity().estab() + "-elmwood-c-of-e-primary-school-report.pdf");
        assertThat(audit.count("EXPORT")).isGreaterThan(before);
    }
}
