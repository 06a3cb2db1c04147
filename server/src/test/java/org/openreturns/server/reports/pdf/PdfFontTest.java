package org.openreturns.server.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

/** The report font is embedded without glyph substitution (the cost PDFBox pays for it on every run of text). */
class PdfFontTest {

    private static byte[] liberationSans() throws IOException {
        try (InputStream in = PdfFontTest.class.getClassLoader()
                .getResourceAsStream("liberation/LiberationSans-Regular.ttf")) {
            return in.readAllBytes();
        }
    }

    private static TrueTypeFont parse(byte[] bytes) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(bytes));
    }

    @Test
    void theFontLosesItsGsubTableAndKeepsItsGlyphs() throws IOException {
        byte[] original = liberationSans();
        byte[] plain = PdfRenderer.withoutGlyphSubstitution(original);

        try (TrueTypeFont before = parse(original); TrueTypeFont after = parse(plain)) {
            assertThat(before.getTableMap()).containsKey("GSUB");
            assertThat(after.getTableMap()).doesNotContainKey("GSUB");
            assertThat(after.getNumberOfGlyphs()).isEqualTo(before.getNumberOfGlyphs());
            assertThat(after.getUnicodeCmapLookup().getGlyphId('%'))
                    .isEqualTo(before.getUnicodeCmapLookup().getGlyphId('%')).isPositive();
        }
        assertThat(original).as("the shared bytes are not changed in place").isEqualTo(liberationSans());
        assertThat(PdfRenderer.withoutGlyphSubstitution(plain)).isSameAs(plain);
    }
}
