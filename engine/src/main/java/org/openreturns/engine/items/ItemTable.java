package org.openreturns.engine.items;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openreturns.engine.collection.AcademicYear;
import org.openreturns.engine.collection.Collection;
import org.openreturns.engine.ctf.StageAssessment;

/**
 * The mapping from a StageAssessment's codes (Stage, Subject, Component, Method, ResultQualifier) to an assessment
 * item, as data rather than code (ctf.md §10): the CTF codes of four collections are unconfirmed and MIS exports
 * differ, so an LA must be able to add aliases. A year uses the table of the latest year file at or before it.
 */
public final class ItemTable {

    private static final int FIRST_TABLE_YEAR = 2022;
    private static final Map<Integer, ItemTable> BUNDLED = new ConcurrentHashMap<>();

    private final String source;
    private final CodeTree tree = new CodeTree();
    private final Map<Collection, List<AssessmentItem>> byCollection;

    private ItemTable(String source, Map<Codes, AssessmentItem> byCodes,
            Map<Collection, List<AssessmentItem>> byCollection) {
        this.source = source;
        byCodes.forEach(tree::put);
        this.byCollection = byCollection;
    }

    /** The bundled table for a year: {@code openreturns/items/<year>.csv}, or the latest earlier one. */
    public static ItemTable forYear(AcademicYear year) {
        int wanted = Math.max(year.summerYear(), FIRST_TABLE_YEAR);
        return BUNDLED.computeIfAbsent(wanted, ItemTable::loadBundled);
    }

    private static ItemTable loadBundled(int wanted) {
        for (int y = wanted; y >= FIRST_TABLE_YEAR; y--) {
            String name = "openreturns/items/" + y + ".csv";
            InputStream in = ItemTable.class.getClassLoader().getResourceAsStream(name);
            if (in != null) {
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    return parse(name, reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("No bundled item table at or before " + wanted);
    }

    /**
     * Reads a table: one row per item, {@code collection,item,stage,subject,component,method,qualifier,label}, where
     * a cell may list aliases separated by '|' and '*' as qualifier matches any. The label is the rest of the line.
     */
    public static ItemTable parse(String source, Reader reader) throws IOException {
        Map<Codes, AssessmentItem> byCodes = new HashMap<>();
        Map<Collection, List<AssessmentItem>> byCollection = new EnumMap<>(Collection.class);
        Map<String, AssessmentItem> items = new LinkedHashMap<>();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = trimmed.split(",", 8);
            if (cells.length < 7) {
                throw new IllegalArgumentException(source + " line " + number
                        + ": expected collection,item,stage,subject,component,method,qualifier,label");
            }
            Collection collection = Collection.parse(cells[0]).orElse(null);
            if (collection == null) {
                throw new IllegalArgumentException(source + " line " + number + ": unknown collection "
                        + cells[0].strip());
            }
            // Interned, as are the ids written as literals in rules and measures: the per-pupil lookups by item id
            // then find their key by identity, without comparing characters.
            String id = cells[1].strip().toUpperCase(Locale.ROOT).intern();
            String label = cells.length > 7 ? cells[7].strip() : id;
            AssessmentItem item = items.computeIfAbsent(collection + "/" + id,
                    k -> new AssessmentItem(collection, id, label));
            byCollection.computeIfAbsent(collection, c -> new ArrayList<>());
            if (!byCollection.get(collection).contains(item)) {
                byCollection.get(collection).add(item);
            }
            for (String stage : aliases(cells[2])) {
                for (String subject : aliases(cells[3])) {
                    for (String component : aliases(cells[4])) {
                        for (String method : aliases(cells[5])) {
                            for (String qualifier : aliases(cells[6])) {
                                Codes key = key(stage, subject, component, method, qualifier);
                                AssessmentItem previous = byCodes.putIfAbsent(key, item);
                                if (previous != null && !previous.equals(item)) {
                                    throw new IllegalArgumentException(source + " line " + number + ": codes " + key
                                            + " already mean " + previous.collection() + " " + previous.id());
                                }
                            }
                        }
                    }
                }
            }
        }
        byCollection.replaceAll((c, list) -> List.copyOf(list));
        return new ItemTable(source, byCodes, byCollection);
    }

    private static String[] aliases(String cell) {
        String[] parts = cell.strip().toUpperCase(Locale.ROOT).split("\\|");
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }

    private static Codes key(String stage, String subject, String component, String method, String qualifier) {
        return new Codes(stage, subject, component, method, qualifier);
    }

    /** The five codes that name an item; a record, so a lookup builds no string. */
    private record Codes(String stage, String subject, String component, String method, String qualifier) {

        @Override
        public String toString() {
            return stage + '-' + subject + '-' + component + '-' + method + '-' + qualifier;
        }
    }

    /** The item a StageAssessment records, or null when its codes match no item. */
    public AssessmentItem match(StageAssessment a) {
        Map<String, AssessmentItem> byQualifier = tree.get(nz(a.stage()), nz(a.subject()), nz(a.component()),
                nz(a.method()));
        if (byQualifier == null) {
            return null;
        }
        AssessmentItem exact = byQualifier.get(a.resultQualifier() == null ? "" : a.resultQualifier());
        return exact != null ? exact : byQualifier.get("*");
    }

    /**
     * The same mapping as nested maps, one level per code, so that the lookup done for every result of every pupil
     * builds no key object; the codes are shared instances, so each level's hash is already computed.
     */
    private static final class CodeTree {
        private final Map<String, Map<String, Map<String, Map<String, Map<String, AssessmentItem>>>>> root =
                new HashMap<>();

        void put(Codes c, AssessmentItem item) {
            root.computeIfAbsent(c.stage(), k -> new HashMap<>()).computeIfAbsent(c.subject(), k -> new HashMap<>())
                    .computeIfAbsent(c.component(), k -> new HashMap<>())
                    .computeIfAbsent(c.method(), k -> new HashMap<>()).put(c.qualifier(), item);
        }

        Map<String, AssessmentItem> get(String stage, String subject, String component, String method) {
            Map<String, Map<String, Map<String, Map<String, AssessmentItem>>>> s = root.get(stage);
            Map<String, Map<String, Map<String, AssessmentItem>>> sub = s == null ? null : s.get(subject);
            Map<String, Map<String, AssessmentItem>> comp = sub == null ? null : sub.get(component);
            return comp == null ? null : comp.get(method);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** A collection's items in table order; empty when the table has none for it. */
    public List<AssessmentItem> items(Collection collection) {
        return byCollection.getOrDefault(collection, List.of());
    }

    public String source() {
        return source;
    }
}
