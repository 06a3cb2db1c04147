package org.openreturns.server.reports.charts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.measures.Distribution;
import org.openreturns.engine.measures.Distribution.Bar;

/**
 * A chart's text alternative: what it shows and its main facts, so that a reader who cannot see the bars (or a PDF
 * reader) learns what a sighted reader would, such as "Bar chart of Year 1 phonics marks for 58 pupils: most common
 * mark 36 (9 pupils); 47 of 58 scored 32 or more, the threshold mark".
 */
final class ChartText {

    private ChartText() {
    }

    /**
     * @param phonicsThreshold the threshold mark, or null while it is unpublished (or for other collections)
     */
    static String describe(Distribution d, Integer phonicsThreshold) {
        String who = d.collection() == Collection.EYFSP ? "children" : "pupils";
        StringBuilder s = new StringBuilder("Bar chart of ").append(lowerFirst(d.label())).append(" for ")
                .append(d.pupils()).append(' ').append(d.pupils() == 1 ? singular(who) : who);
        List<String> facts = new ArrayList<>();
        List<Bar> scale = d.bars().stream().filter(Bar::onScale).toList();
        List<Bar> codes = d.bars().stream().filter(b -> !b.onScale() && b.pupils() > 0).toList();
        long onScale = scale.stream().mapToLong(Bar::pupils).sum();
        if (scale.isEmpty()) {
            List<Bar> byCount = codes.stream().sorted(Comparator.comparingLong(Bar::pupils).reversed()).toList();
            if (!byCount.isEmpty()) {
                facts.add(mostCommon("code", byCount, who));
            }
        } else if (onScale > 0) {
            String unit = switch (d.collection()) {
                case EYFSP -> "number of goals at the expected level";
                case MTC -> "score";
                default -> "mark";
            };
            facts.add(mostCommon(unit, scale, who));
            String top = scale.get(scale.size() - 1).value();
            switch (d.collection()) {
                case EYFSP -> facts.add(atOrAbove(scale, Integer.parseInt(top)) + " of " + d.pupils()
                        + " at the expected level in all " + top + " goals");
                case MTC -> facts.add(atOrAbove(scale, Integer.parseInt(top)) + " of " + d.pupils()
                        + " scored full marks (" + top + ")");
                case PHONICS -> {
                    if (phonicsThreshold != null) {
                        facts.add(atOrAbove(scale, phonicsThreshold) + " of " + d.pupils() + " scored "
                                + phonicsThreshold + " or more, the threshold mark");
                    }
                }
                default -> {
                    // the teacher assessments have no scale
                }
            }
        }
        if (!scale.isEmpty() && !codes.isEmpty()) {
            long coded = codes.stream().mapToLong(Bar::pupils).sum();
            facts.add(coded + " had a code instead of a " + (d.collection() == Collection.MTC ? "score" : "mark")
                    + " (" + String.join(", ", codes.stream().map(b -> b.value() + " " + b.pupils()).toList()) + ")");
        }
        if (!facts.isEmpty()) {
            s.append(": ").append(String.join("; ", facts));
        }
        return s.append('.').toString();
    }

    /**
     * "most common mark 36 (9 pupils)", or for a tie "most common marks 34 and 36 (9 pupils each)"; for codes, the
     * rest follow in order of count: "most common code EXS (30 pupils), then WTS 10, GDS 8".
     */
    private static String mostCommon(String unit, List<Bar> bars, String who) {
        long most = bars.stream().mapToLong(Bar::pupils).max().orElse(0);
        List<String> modes = bars.stream().filter(b -> b.pupils() == most).map(Bar::value).toList();
        String pupils = most + " " + (most == 1 ? singular(who) : who);
        StringBuilder s = new StringBuilder("most common ");
        if (modes.size() == 1) {
            s.append(unit).append(' ').append(modes.get(0)).append(" (").append(pupils).append(')');
        } else {
            s.append(plural(unit)).append(' ').append(String.join(", ", modes.subList(0, modes.size() - 1)))
                    .append(" and ").append(modes.get(modes.size() - 1)).append(" (").append(pupils)
                    .append(" each)");
        }
        if (unit.equals("code")) {
            List<String> rest = bars.stream().filter(b -> b.pupils() < most).map(b -> b.value() + " " + b.pupils())
                    .toList();
            if (!rest.isEmpty()) {
                s.append(", then ").append(String.join(", ", rest));
            }
        }
        return s.toString();
    }

    private static long atOrAbove(List<Bar> scale, int from) {
        return scale.stream().filter(b -> Integer.parseInt(b.value()) >= from).mapToLong(Bar::pupils).sum();
    }

    private static String plural(String unit) {
        return unit.startsWith("number of ") ? "numbers of " + unit.substring("number of ".length()) : unit + "s";
    }

    private static String singular(String who) {
        return who.equals("children") ? "child" : "pupil";
    }

    /** "Year 1 phonics marks" keeps its capital; "Writing teacher assessment" reads "writing teacher assessment". */
    private static String lowerFirst(String label) {
        return label.startsWith("Year ") ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
