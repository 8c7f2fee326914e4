package org.piste.app.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The case report's PDF, rendered from a {@link ReportSnapshot} alone: the template {@code templates/report/report.html}
 * (XHTML) laid out by openhtmltopdf as PDF/A-2b with the Liberation fonts embedded and the charts as SVG. Needs no
 * Spring context (the CLI builds one with {@code new ReportPdf()}); the words come from the bundles {@code i18n/report},
 * {@code i18n/alerts} (indicators, explanations), {@code i18n/transfers} and {@code i18n/messages} (dates).
 *
 * <p>Reproducible: the same snapshot and language give the same bytes ({@link ReportPdfFreeze} fixes what the
 * libraries would take from the clock). A file cannot print its own SHA-256, so pages print the snapshot's; the PDF's
 * is recorded in the audit trail by whoever stores it.
 */
public final class ReportPdf {
    private static final String[] FONTS = {"Regular", "Bold", "Italic", "BoldItalic"};

    static {
        // The layout engine tells every stylesheet and font it loads at INFO; a report should say only what went wrong.
        for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
            com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
        }
    }
    private final SpringTemplateEngine templates = new SpringTemplateEngine();
    private final MessageSource messages;
    private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    public ReportPdf() {
        // Its own reading of the bundles, not the JDK's ResourceBundle cache: that cache is shared with the web
        // application's message source in the same JVM, which answered French to an English report after it ran.
        ReloadableResourceBundleMessageSource bundles = new ReloadableResourceBundleMessageSource();
        bundles.setBasenames("classpath:i18n/report", "classpath:i18n/alerts", "classpath:i18n/transfers",
                "classpath:i18n/messages", "classpath:i18n/cases", "classpath:i18n/referrals", "classpath:i18n/entities");
        bundles.setDefaultEncoding("UTF-8");
        // As the application: the French bundle is the default one, whatever the machine's locale.
        bundles.setFallbackToSystemLocale(false);
        this.messages = bundles;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ReportPdf.class.getClassLoader());
        resolver.setPrefix("templates/report/");
        resolver.setSuffix(".html");
        // XML: openhtmltopdf parses the page as XML, so the template and its output stay well-formed.
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
        templates.setTemplateEngineMessageSource(bundles);
    }

    /** The renderer's bundles (for the view's tests). */
    MessageSource messages() {
        return messages;
    }

    /** With one shared renderer (the template engine and bundles are built once). */
    public static byte[] render(ReportSnapshot snapshot, String snapshotSha256, Locale locale) {
        return Shared.RENDERER.pdf(snapshot, snapshotSha256, locale);
    }

    public byte[] pdf(ReportSnapshot snapshot, String snapshotSha256, Locale locale) {
        if (snapshot.format() != ReportSnapshot.FORMAT) {
            throw new IllegalArgumentException("report snapshot format " + snapshot.format() + ": this renderer knows "
                    + ReportSnapshot.FORMAT);
        }
        HexFormat.of().parseHex(Objects.requireNonNull(snapshotSha256));
        Context context = new Context(locale);
        context.setVariable("r", ReportView.of(snapshot, snapshotSha256, locale, messages));
        String html = templates.process("report", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
        builder.useColorProfile(srgb);
        builder.useSVGDrawer(new BatikSVGDrawer());
        for (String face : FONTS) {
            builder.useFont(() -> font(face), "Liberation Sans", face.startsWith("Bold") ? 700 : 400,
                    face.endsWith("Italic") ? FontStyle.ITALIC : FontStyle.NORMAL, true);
        }
        builder.withHtmlContent(html, Objects.requireNonNull(ReportPdf.class.getResource("/templates/report/"))
                .toExternalForm());
        builder.toStream(out);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            renderer.createPDFWithoutClosing();
            ReportPdfFreeze.freeze(renderer.getPdfDocument(), snapshot, snapshotSha256, locale);
            renderer.getPdfDocument().save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String face) {
        return Objects.requireNonNull(ReportPdf.class.getResourceAsStream("/liberation/LiberationSans-" + face + ".ttf"),
                "the Liberation fonts (openpdf-fonts-extra) are missing from the class path");
    }

    private static final class Shared {
        static final ReportPdf RENDERER = new ReportPdf();
    }
}
