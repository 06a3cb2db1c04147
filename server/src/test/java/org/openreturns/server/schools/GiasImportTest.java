package org.openreturns.server.schools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class GiasImportTest {

    @Test
    void keepsTheLasOpenPrimaryAgeSchoolsFromAWindows1252File() throws IOException {
        GiasImport.Result result;
        try (InputStream in = new ClassPathResource("demo/gias-demo.csv").getInputStream()) {
            result = GiasImport.read(in, "330");
        }
        // 40 primaries and a special school with primary-age pupils; not the secondary, the closed school or
        // the other LA's school.
        assertThat(result.schools()).hasSize(41);
        assertThat(result.otherRows()).isEqualTo(3);
        assertThat(result.schools()).extracting(GiasImport.GiasSchool::name)
                .contains("St Mary\u2019s Catholic Primary School", "Brookfield Special School")
                .doesNotContain("Demo City Secondary Academy", "Old Mill Primary School", "Elsewhere Primary School");
        assertThat(result.schools()).allSatisfy(s -> {
            assertThat(s.laCode()).isEqualTo("330");
            assertThat(s.estab()).matches("\\d{4}");
            assertThat(s.urn()).matches("\\d{6}");
        });
        assertThat(result.schools()).anySatisfy(s -> assertThat(s.headName()).isEqualTo("Ms Si\u00e2n Evans"));
    }

    @Test
    void readsColumnsByLabelInAnyOrderAndReportsBadRows() throws IOException {
        String csv = "EstablishmentName,Postcode,EstablishmentNumber,LA (code),URN\r\n"
                + "Fine Primary,B1 1AA,2001,330,123456\r\n"
                + "Broken Primary,B1 1AB,20X1,330,123457\r\n";
        GiasImport.Result result = GiasImport.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.ISO_8859_1)),
                "330");
        assertThat(result.schools()).extracting(GiasImport.GiasSchool::estab).containsExactly("2001");
        assertThat(result.problems()).singleElement().asString().contains("Line 3").contains("20X1");
    }

    @Test
    void aFileWithoutTheGiasColumnsIsRefusedWithAPlainMessage() {
        String csv = "Name,Address\r\nA,B\r\n";
        assertThatThrownBy(() -> GiasImport.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "330"))
                .isInstanceOf(IOException.class).hasMessageContaining("no 'URN' column");
    }

    @Test
    void aFileResavedAsUtf8WithAByteOrderMarkIsReadAsUtf8() throws IOException {
        String csv = "\uFEFFURN,LA (code),EstablishmentNumber,EstablishmentName\r\n"
                + "123456,330,2001,St Ann\u2019s Primary\r\n";
        GiasImport.Result result = GiasImport.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "330");
        assertThat(result.schools()).extracting(GiasImport.GiasSchool::name).containsExactly("St Ann\u2019s Primary");
    }
}
