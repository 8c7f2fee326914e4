package org.piste.app.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * STAND-IN, replaced at merge by the real renderer (engineer "report-pdf"): a plain PDF listing what the report's
 * content tests look for (transfer references, totals per currency as "1 234,50 EUR", source SHA-256s), with the
 * snapshot's SHA-256 and the page number in every footer. Deterministic: the document id and dates come from the
 * snapshot, so the same snapshot gives the same bytes.
 */
public final class ReportPdf {
    private static final int LINES = 60;

    private ReportPdf() {}

    public static byte[] render(ReportSnapshot s, String snapshotSha256, Locale locale) {
        List<String> lines = lines(s);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int pages = Math.max(1, (lines.size() + LINES - 1) / LINES);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 8);
                    cs.newLineAtOffset(40, 800);
                    for (String line : lines.subList(p * LINES, Math.min(lines.size(), (p + 1) * LINES))) {
                        cs.showText(line);
                        cs.newLineAtOffset(0, -12);
                    }
                    cs.endText();
                    cs.beginText();
                    cs.setFont(font, 7);
                    cs.newLineAtOffset(40, 20);
                    cs.showText("Snapshot SHA-256 " + snapshotSha256 + "   page " + (p + 1) + " / " + pages);
                    cs.endText();
                }
            }
            Calendar date = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
            date.setTimeInMillis(s.header().asOf().toEpochMilli());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Rapport " + s.header().caseReference());
            info.setCreationDate(date);
            info.setModificationDate(date);
            info.setProducer("Piste");
            COSString id = new COSString(snapshotSha256.substring(0, 32).getBytes(StandardCharsets.US_ASCII));
            COSArray ids = new COSArray();
            ids.add(id);
            ids.add(id);
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(ReportSnapshot s) {
        List<String> out = new ArrayList<>();
        out.add("Rapport d'analyse financiere - " + ascii(s.header().caseReference()) + " - " + s.header().asOf());
        for (ReportSnapshot.SubjectPart p : s.subjects()) {
            out.add("Sujet " + p.recordId() + " " + ascii(p.label()));
            Map<String, BigDecimal> totals = new TreeMap<>();
            for (ReportSnapshot.TransferLine t : p.transfers()) {
                out.add(ascii(t.reference()) + "  " + t.at() + "  " + t.amount() + " " + t.currency());
                totals.merge(t.currency(), new BigDecimal(t.amount()), BigDecimal::add);
            }
            totals.forEach((currency, total) -> out.add("Total : " + french(total) + " " + currency));
        }
        for (ReportSnapshot.SourcePart f : s.sources()) out.add("Source " + ascii(f.name()) + " SHA-256 " + f.sha256());
        return out;
    }

    /** "1 234,50" with no-break spaces (the standard fonts have no narrow one). */
    private static String french(BigDecimal amount) {
        java.text.DecimalFormatSymbols symbols = java.text.DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setGroupingSeparator('\u00a0');
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.00", symbols);
        return f.format(amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** The standard fonts encode Latin-1 only; the stand-in drops anything else. */
    private static String ascii(String text) {
        return text.replaceAll("[^\\x20-\\x7e\\xa0-\\xff]", "?");
    }
}
