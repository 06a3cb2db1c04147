package org.openreturns.engine.synthetic;

/**
 * One row of the answer key: the finding that validation must report for a defect put in on purpose. {@code file}
 * is the file name (for a pupil in two schools' files, both names joined by '|'); {@code upn} is the UPN as written,
 * empty for file-level defects and missing UPNs; {@code item} is the item id, empty when the finding names none.
 */
public record InjectedDefect(String file, String upn, String code, String item) {

    public static final String CSV_HEADER = "file,upn,code,item";

    public InjectedDefect {
        upn = upn == null ? "" : upn;
        item = item == null ? "" : item;
    }

    /** A CSV row; fields holding a comma or quote are quoted. */
    public String toCsv() {
        return csv(file) + "," + csv(upn) + "," + csv(code) + "," + csv(item);
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
