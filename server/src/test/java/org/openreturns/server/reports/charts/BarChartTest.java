package org.openreturns.server.reports.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.measures.Distribution;
import org.openreturns.engine.measures.Distribution.Bar;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG is well-formed XML, named for assistive technology and PDF alike, and draws bars to scale. */
class BarChartTest {

    /** Marks 0-40 with the given counts (mark, pupils, mark, pupils...), then the reasons A, D, L, Q. */
    private static Distribution phonics(Map<String, Long> counts) {
        List<Bar> bars = new ArrayList<>();
        for (int mark = 0; mark <= 40; mark++) {
            bars.add(new Bar(Integer.toString(mark), true, counts.getOrDefault(Integer.toString(mark), 0L)));
        }
        for (String reason : List.of("A", "D", "L", "Q")) {
            bars.add(new Bar(reason, false, counts.getOrDefault(reason, 0L)));
        }
        long pupils = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Distribution("phonics.y1Marks", "Year 1 phonics marks", "Mark (0 to 40), or code for no mark",
                Collection.PHONICS, "1", pupils, false, bars);
    }

    private static Distribution writing(long gds, long exs, long wts, long a) {
        return new Distribution("ks2.writingTa", "Writing teacher assessment", "Teacher assessment code",
                Collection.KS2_TA, null, gds + exs + wts + a, false,
                List.of(new Bar("GDS", false, gds), new Bar("EXS", false, exs), new Bar("WTS", false, wts),
                        new Bar("PK1", false, 0), new Bar("A", false, a)));
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theSvgIsWellFormedAndNamedByItsTitleAndAlt() throws Exception {
        String alt = "Bar chart of \"writing\" <for> 4 pupils & more";
        Document svg = parse(BarChart.svg("chart-w", writing(1, 2, 1, 0), alt));

        Element root = svg.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("alt")).isEqualTo(alt);
        String titleId = root.getAttribute("aria-labelledby");
        Element title = (Element) root.getElementsByTagName("title").item(0);
        assertThat(title.getAttribute("id")).isEqualTo(titleId).isNotBlank();
        assertThat(title.getTextContent()).isEqualTo(alt);
        assertThat(title.getParentNode()).isSameAs(root);
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 640 320");
    }

    @Test
    void barHeightsAreProportionalToTheirPupilsAndAnEmptyBarHasNoHeight() throws Exception {
        Document svg = parse(BarChart.svg("chart-w", writing(3, 12, 6, 0), "alt"));

        Map<String, Double> heights = new HashMap<>();
        NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            heights.put(r.getAttribute("data-value"), Double.parseDouble(r.getAttribute("height")));
        }
        assertThat(heights).containsOnlyKeys("GDS", "EXS", "WTS", "PK1", "A");
        assertThat(heights.get("EXS")).isPositive();
        assertThat(heights.get("WTS") / heights.get("EXS")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(heights.get("GDS") / heights.get("EXS")).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.01));
        assertThat(heights.get("PK1")).isZero();
        // the axis tops out at a round number at or above the tallest bar
        assertThat(heights.get("EXS")).isLessThanOrEqualTo(BarChart.PLOT_HEIGHT);
    }

    @Test
    void aScaleIsLabelledAtIntervalsAndEveryCodeIsLabelled() throws Exception {
        Document svg = parse(BarChart.svg("chart-p", phonics(Map.of("36", 9L, "32", 4L, "A", 1L)), "alt"));

        List<String> labels = new ArrayList<>();
        NodeList texts = svg.getElementsByTagName("text");
        for (int i = 0; i < texts.getLength(); i++) {
            labels.add(texts.item(i).getTextContent());
        }
        assertThat(labels).contains("Number of pupils", "Mark (0 to 40), or code for no mark", "0", "5", "35", "40",
                "A", "D", "L", "Q");
        assertThat(labels).doesNotContain("36", "39");
        assertThat(svg.getElementsByTagName("rect").getLength()).isEqualTo(45);
    }

    @Test
    void theThresholdMarkIsADashedLineAtTheLeftOfItsBar() throws Exception {
        Distribution d = phonics(Map.of("31", 2L, "32", 4L));
        Document svg = parse(BarChart.svg("chart-p", d, "alt", 32, "Threshold mark 32"));

        Element line = null;
        NodeList lines = svg.getElementsByTagName("line");
        for (int i = 0; i < lines.getLength(); i++) {
            Element l = (Element) lines.item(i);
            if (l.getAttribute("class").equals("openreturns-chart__mark")) {
                line = l;
            }
        }
        assertThat(line).isNotNull();
        Element bar32 = null;
        Element bar31 = null;
        NodeList rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getAttribute("data-value").equals("32")) {
                bar32 = r;
            } else if (r.getAttribute("data-value").equals("31")) {
                bar31 = r;
            }
        }
        double x = Double.parseDouble(line.getAttribute("x1"));
        assertThat(x).isGreaterThan(Double.parseDouble(bar31.getAttribute("x")))
                .isLessThanOrEqualTo(Double.parseDouble(bar32.getAttribute("x")));
        assertThat(svg.getDocumentElement().getTextContent()).contains("Threshold mark 32");
        assertThat(BarChart.svg("chart-p", d, "alt")).doesNotContain("openreturns-chart__mark", "Threshold");
    }

    @Test
    void gridlinesFallOnRoundNumbers() {
        assertThat(BarChart.tickStep(0)).isEqualTo(1);
        assertThat(BarChart.tickStep(4)).isEqualTo(1);
        assertThat(BarChart.tickStep(9)).isEqualTo(2);
        assertThat(BarChart.tickStep(12)).isEqualTo(5);
        assertThat(BarChart.tickStep(48)).isEqualTo(10);
        assertThat(BarChart.tickStep(2400)).isEqualTo(500);
    }

    @Test
    void theTextAlternativeGivesTheMostCommonMarkAndHowManyReachedTheThreshold() {
        Distribution d = phonics(Map.of("36", 9L, "32", 4L, "20", 2L, "A", 1L, "D", 2L));

        assertThat(ChartText.describe(d, 32)).isEqualTo("Bar chart of Year 1 phonics marks for 18 pupils: "
                + "most common mark 36 (9 pupils); 13 of 18 scored 32 or more, the threshold mark; "
                + "3 had a code instead of a mark (A 1, D 2).");
        assertThat(ChartText.describe(d, null)).isEqualTo("Bar chart of Year 1 phonics marks for 18 pupils: "
                + "most common mark 36 (9 pupils); 3 had a code instead of a mark (A 1, D 2).");
    }

    @Test
    void theTextAlternativeOfCodesListsThemMostCommonFirstAndNamesTies() {
        assertThat(ChartText.describe(writing(3, 12, 6, 1), null)).isEqualTo("Bar chart of writing teacher "
                + "assessment for 22 pupils: most common code EXS (12 pupils), then WTS 6, GDS 3, A 1.");
        assertThat(ChartText.describe(phonics(Map.of("30", 2L, "35", 2L)), 40)).isEqualTo("Bar chart of Year 1 "
                + "phonics marks for 4 pupils: most common marks 30 and 35 (2 pupils each); 0 of 4 scored 40 or "
                + "more, the threshold mark.");
    }
}
