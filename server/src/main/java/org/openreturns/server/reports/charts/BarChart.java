package org.openreturns.server.reports.charts;

import java.util.List;
import java.util.Locale;
import org.openreturns.engine.measures.Distribution;
import org.springframework.web.util.HtmlUtils;

/**
 * A distribution as a hand-written SVG bar chart, drawn on the server so it needs no script and prints: GOV.UK
 * colours, a y axis of pupils with gridlines, an x axis labelled at readable intervals, each bar's number above it
 * where there is room, and a gap between the scale (marks, scores, in blue) and the codes given instead of one (in
 * grey); a chart of codes alone (teacher assessment) is all blue. Its accessible name, and the {@code alt} a PDF renderer takes
 * for the figure, is the chart's text alternative.
 */
final class BarChart {

    static final int WIDTH = 640;
    static final int HEIGHT = 320;
    private static final int LEFT = 64;
    private static final int RIGHT = 8;
    private static final int TOP = 20;
    private static final int BOTTOM = 76;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
    private static final int PLOT_WIDTH = WIDTH - LEFT - RIGHT;
    /** GOV.UK blue for the scale, dark grey for codes, black text, mid-grey gridlines. */
    private static final String SCALE_COLOUR = "#1d70b8";
    private static final String CODE_COLOUR = "#505a5f";
    private static final String TEXT_COLOUR = "#0b0c0c";
    private static final String GRID_COLOUR = "#b1b4b6";
    private static final String FONT = "font-family=\"'GDS Transport', arial, sans-serif\"";
    /** Tick, bar and value labels; axis titles. */
    private static final int LABEL_SIZE = 14;
    private static final int TITLE_SIZE = 16;
    /** The narrowest space a label may take before labels are thinned out (scale) or staggered (codes). */
    private static final double MIN_LABEL_SPACE = 28;

    private BarChart() {
    }

    /**
     * The chart as an {@code <svg>} element; {@code id} must be unique on the page (the title's id derives from it).
     * The distribution must not be suppressed.
     */
    static String svg(String id, Distribution d, String alt) {
        return svg(id, d, alt, null, null);
    }

    /**
     * The chart with a dashed line before the bar of {@code markAt} on the scale, labelled, such as the phonics
     * threshold mark; no line when {@code markAt} is null or not on the scale.
     */
    static String svg(String id, Distribution d, String alt, Integer markAt, String markLabel) {
        List<Distribution.Bar> bars = d.bars();
        boolean scale = bars.stream().anyMatch(Distribution.Bar::onScale);
        boolean codes = bars.stream().anyMatch(b -> !b.onScale());
        int slots = bars.size() + (scale && codes ? 1 : 0);
        double slot = (double) PLOT_WIDTH / Math.max(slots, 1);
        long most = bars.stream().mapToLong(Distribution.Bar::pupils).max().orElse(0);
        long step = tickStep(most);
        long top = Math.max(step, (most + step - 1) / step * step);

        String titleId = id + "-title";
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"openreturns-chart__svg\" id=\"").append(id)
                .append("\" role=\"img\" aria-labelledby=\"").append(titleId).append("\" alt=\"").append(xml(alt))
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"")
                .append(WIDTH).append("\" height=\"").append(HEIGHT).append("\">");
        s.append("<title id=\"").append(titleId).append("\">").append(xml(alt)).append("</title>");

        int axisY = TOP + PLOT_HEIGHT;
        for (long tick = 0; tick <= top; tick += step) {
            double y = axisY - (double) tick / top * PLOT_HEIGHT;
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"")
                    .append(n(y)).append("\" y2=\"").append(n(y)).append("\" stroke=\"")
                    .append(tick == 0 ? TEXT_COLOUR : GRID_COLOUR).append("\" stroke-width=\"1\"/>");
            text(s, LEFT - 6, y + 5, "end", LABEL_SIZE, Long.toString(tick));
        }
        s.append("<text x=\"16\" y=\"").append(n(TOP + PLOT_HEIGHT / 2.0)).append("\" transform=\"rotate(-90 16 ")
                .append(n(TOP + PLOT_HEIGHT / 2.0)).append(")\" text-anchor=\"middle\" font-size=\"").append(TITLE_SIZE)
                .append("\" fill=\"")
                .append(TEXT_COLOUR).append("\" ").append(FONT).append(">Number of pupils</text>");

        int every = labelEvery(slot);
        boolean stagger = slot < MIN_LABEL_SPACE;
        int position = 0;
        int codeIndex = 0;
        for (int i = 0; i < bars.size(); i++) {
            Distribution.Bar bar = bars.get(i);
            if (!bar.onScale() && i > 0 && bars.get(i - 1).onScale()) {
                position++; // the gap between scale and codes
            }
            double x = LEFT + position * slot;
            double height = (double) bar.pupils() / top * PLOT_HEIGHT;
            double width = Math.max(1, slot * 0.8);
            s.append("<rect class=\"openreturns-chart__bar\" data-value=\"").append(xml(bar.value()))
                    .append("\" data-pupils=\"").append(bar.pupils()).append("\" x=\"").append(n(x + (slot - width) / 2))
                    .append("\" y=\"").append(n(axisY - height)).append("\" width=\"").append(n(width))
                    .append("\" height=\"").append(n(height)).append("\" fill=\"")
                    .append(bar.onScale() || !scale ? SCALE_COLOUR : CODE_COLOUR).append("\"/>");
            if (slot >= MIN_LABEL_SPACE && bar.pupils() > 0) {
                // few enough bars to give each its number: no need to read it off the gridlines
                text(s, x + slot / 2, axisY - height - 5, "middle", LABEL_SIZE, Long.toString(bar.pupils()));
            }
            boolean labelled;
            double labelY = axisY + 18;
            if (bar.onScale()) {
                int value = Integer.parseInt(bar.value());
                labelled = value % every == 0;
                if (markAt != null && value == markAt) {
                    s.append("<line class=\"openreturns-chart__mark\" x1=\"").append(n(x)).append("\" x2=\"")
                            .append(n(x)).append("\" y1=\"").append(TOP).append("\" y2=\"").append(axisY)
                            .append("\" stroke=\"").append(TEXT_COLOUR)
                            .append("\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
                    text(s, x - 4, TOP - 6, "end", LABEL_SIZE, markLabel);
                }
            } else {
                labelled = true;
                if (stagger && codeIndex++ % 2 == 1) {
                    labelY += 16;
                }
            }
            if (labelled) {
                text(s, x + slot / 2, labelY, "middle", LABEL_SIZE, bar.value());
            }
            position++;
        }
        text(s, LEFT + PLOT_WIDTH / 2.0, HEIGHT - 8, "middle", TITLE_SIZE, d.valueLabel());
        return s.append("</svg>").toString();
    }

    /** Gridlines at 1, 2 or 5 times a power of ten, no more than five of them above zero. */
    static long tickStep(long most) {
        long power = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (most <= 5 * m * power) {
                    return m * power;
                }
            }
            power *= 10;
        }
    }

    /** Label every value, every fifth or every tenth on the scale, whichever leaves room for the labels. */
    private static int labelEvery(double slot) {
        for (int every : new int[] {1, 5, 10}) {
            if (slot * every >= MIN_LABEL_SPACE) {
                return every;
            }
        }
        return 20;
    }

    private static void text(StringBuilder s, double x, double y, String anchor, int size, String content) {
        s.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"").append(size).append("\" fill=\"").append(TEXT_COLOUR).append("\" ")
                .append(FONT).append('>').append(xml(content)).append("</text>");
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String xml(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
