package org.openreturns.server.reports.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.openreturns.server.platform.DatabaseMode;
import org.openreturns.server.platform.OpenReturnsProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.IDialect;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ITemplateResolver;

/**
 * Renders a page's own Thymeleaf view as an accessible PDF: tagged (PDF/UA) with real text, table headers and the
 * {@code alt} of charts, PDF/A-3u, with Liberation Sans embedded. The view gets {@code pdf} = true, which makes the
 * layout print the page without navigation, forms or links and with a print stylesheet GOV.UK Frontend's CSS cannot
 * serve (openhtmltopdf reads CSS 2.1). Everything that can be shared between documents (fonts, colour profile,
 * stylesheet, template engine) is read once; a renderer per document is cheap and thread-safe to build.
 */
@Component
class PdfRenderer {

    private static final String FONT = "Liberation Sans";

    private final SpringTemplateEngine templates;
    private final byte[] regular = withoutGlyphSubstitution(resource("liberation/LiberationSans-Regular.ttf"));
    private final byte[] bold = withoutGlyphSubstitution(resource("liberation/LiberationSans-Bold.ttf"));
    private final byte[] colourProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    private final String style = new String(resource("pdf/print.css"), StandardCharsets.UTF_8);
    private final boolean demo;

    PdfRenderer(List<ITemplateResolver> resolvers, List<IDialect> dialects, MessageSource messages,
            DatabaseMode mode, OpenReturnsProperties properties) {
        // The pages' templates and dialects, but links built outside a request: a PDF may be rendered on a pool
        // thread (the LA's zip of every school's report), where there is no servlet request to take a path from.
        templates = new SpringTemplateEngine();
        resolvers.forEach(templates::addTemplateResolver);
        dialects.forEach(templates::addDialect);
        templates.setTemplateEngineMessageSource(messages);
        templates.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(IExpressionContext context, String base,
                    Map<String, Object> parameters) {
                return "";
            }
        });
        demo = mode.embedded() && properties.demo();
        PdfLogging.install();
    }

    /** Page layout of a document: reports with a column per measure across many schools read best landscape. */
    enum Orientation {
        PORTRAIT, LANDSCAPE
    }

    /**
     * The view rendered as a PDF.
     *
     * @param description what the document is, in a sentence, for its metadata
     */
    byte[] render(String view, Map<String, Object> model, String description, Orientation orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        write(view, model, description, orientation, out);
        return out.toByteArray();
    }

    void write(String view, Map<String, Object> model, String description, Orientation orientation,
            OutputStream out) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("pdf", true);
        variables.put("demo", demo);
        variables.put("pdfDescription", description);
        variables.put("pdfStyle", orientation == Orientation.LANDSCAPE ? style + "\n@page { size: A4 landscape; }"
                : style);
        String html = templates.process(view, new Context(Locale.UK, variables));
        org.w3c.dom.Document document = W3CDom.convert(Jsoup.parse(html));
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.usePdfAConformance(PdfAConformance.PDFA_3_U);
        builder.useColorProfile(colourProfile);
        builder.useFont(() -> new ByteArrayInputStream(regular), FONT, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(bold), FONT, 700, FontStyle.NORMAL, true);
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.withW3cDocument(document, "/");
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The font with its glyph substitution table (GSUB) hidden. PDFBox applies GSUB rules to every run of text it
     * writes, compiling regular expressions each time: profiling the zip of 320 school reports found two thirds of
     * the CPU there. For English text the table only makes ligatures, which a PDF is better without (a reader
     * searching or copying "fi" should not meet one glyph "\uFB01"). The table's tag in the font's directory is renamed,
     * so PDFBox finds no GSUB and drops the unknown table when it embeds the subset.
     */
    static byte[] withoutGlyphSubstitution(byte[] font) {
        ByteBuffer sfnt = ByteBuffer.wrap(font);
        int tables = Short.toUnsignedInt(sfnt.getShort(4));
        for (int i = 0; i < tables; i++) {
            int record = 12 + 16 * i;
            if (sfnt.getInt(record) == GSUB_TAG) {
                byte[] copy = font.clone();
                ByteBuffer.wrap(copy).putInt(record, UNUSED_TAG);
                return copy;
            }
        }
        return font;
    }

    private static final int GSUB_TAG = ('G' << 24) | ('S' << 16) | ('U' << 8) | 'B';
    private static final int UNUSED_TAG = ('x' << 24) | ('S' << 16) | ('U' << 8) | 'B';

    private static byte[] resource(String path) {
        try (InputStream in = PdfRenderer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing from the classpath: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
