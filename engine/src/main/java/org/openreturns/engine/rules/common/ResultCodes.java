package org.openreturns.engine.rules.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openreturns.engine.items.AssessmentItem;
import org.openreturns.engine.rules.ValidationContext;

/**
 * What the collections' result rules share: telling a mark or score from a code, and naming items and code lists in
 * messages the way a school data manager reads them.
 */
public final class ResultCodes {

    /** A result written as a number, whole or not; anything else is a code. */
    private static final Pattern NUMERIC = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,9}");
    private static final Pattern NUMBERED = Pattern.compile("([A-Z]+)(\\d+)");

    private ResultCodes() {
    }

    public static boolean isNumeric(String value) {
        return value != null && NUMERIC.matcher(value).matches();
    }

    /** The value as a whole number, or null when it is not written as one (such as "31.5", "A" or an overlong run). */
    public static Integer wholeNumber(String value) {
        return value != null && WHOLE.matcher(value).matches() ? Integer.valueOf(value) : null;
    }

    /** The label of an item of the context's collection, such as "Writing teacher assessment"; the id if unknown. */
    public static String label(ValidationContext context, String itemId) {
        for (AssessmentItem item : context.items().items(context.collection())) {
            if (item.id().equals(itemId)) {
                return item.label();
            }
        }
        return itemId;
    }

    /**
     * "GDS, EXS, WTS, PK1 to PK6, EM or A": the codes in order, with runs of numbered codes such as PK1-PK6 shortened,
     * and "or" before the last.
     */
    public static String oneOf(List<String> codes) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < codes.size()) {
            int end = i;
            while (end + 1 < codes.size() && follows(codes.get(end), codes.get(end + 1))) {
                end++;
            }
            parts.add(end - i >= 2 ? codes.get(i) + " to " + codes.get(end) : codes.get(i));
            if (end - i == 1) {
                parts.add(codes.get(end));
            }
            i = end + 1;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    private static boolean follows(String a, String b) {
        Matcher ma = NUMBERED.matcher(a);
        Matcher mb = NUMBERED.matcher(b);
        return ma.matches() && mb.matches() && ma.group(1).equals(mb.group(1))
                && Integer.parseInt(mb.group(2)) == Integer.parseInt(ma.group(2)) + 1;
    }
}
