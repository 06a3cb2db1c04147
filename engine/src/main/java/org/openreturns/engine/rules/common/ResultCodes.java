package org.openreturns.engine.rules.common;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openreturns.engine.items.AssessmentItem;
import org.openreturns.engine.rules.ItemResult;
import org.openreturns.engine.rules.ValidationContext;

/**
 * What the collections' result rules share: telling a mark or score from a code, and naming items and code lists in
 * messages the way a school data manager reads them.
 */
public final class ResultCodes {

    private static final Pattern NUMBERED = Pattern.compile("([A-Z]+)(\\d+)");

    private ResultCodes() {
    }

    /** Written as a number: an optional minus, digits, and optionally a point and more digits. */
    public static boolean isNumeric(String value) {
        if (value == null) {
            return false;
        }
        int i = value.startsWith("-") ? 1 : 0;
        int digits = countDigits(value, i);
        if (digits == 0) {
            return false;
        }
        i += digits;
        if (i == value.length()) {
            return true;
        }
        return value.charAt(i) == '.' && countDigits(value, i + 1) > 0
                && i + 1 + countDigits(value, i + 1) == value.length();
    }

    /** The value as a whole number, or null when it is not written as one (such as "31.5", "A" or an overlong run). */
    public static Integer wholeNumber(String value) {
        if (value == null) {
            return null;
        }
        int start = value.startsWith("-") ? 1 : 0;
        int digits = countDigits(value, start);
        return digits > 0 && digits <= 9 && start + digits == value.length() ? Integer.valueOf(value) : null;
    }

    private static int countDigits(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }

    /**
     * The distinct values among the results that the test rejects, in file order; empty (and nothing allocated) in
     * the usual case where every value is valid. Empty Results are not values.
     */
    public static Set<String> invalidValues(List<ItemResult> results, Predicate<String> valid) {
        Set<String> wrong = null;
        // Indexed (the lists are random-access), so that the usual all-valid case allocates not even an iterator.
        for (int i = 0; i < results.size(); i++) {
            ItemResult r = results.get(i);
            if (r.value() != null && !valid.test(r.value())) {
                if (wrong == null) {
                    wrong = new LinkedHashSet<>();
                }
                wrong.add(r.value());
            }
        }
        return wrong == null ? Set.of() : wrong;
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
