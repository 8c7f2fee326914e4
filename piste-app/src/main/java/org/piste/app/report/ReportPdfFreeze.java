package org.piste.app.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Locale;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What would make two renderings of one snapshot differ, fixed from the snapshot: the dates (the document info's
 * and the XMP's are the snapshot's timestamp, not the clock), the producer, and the trailer's document id (from the
 * snapshot's SHA-256, where PDFBox would hash the time). The XMP keeps the PDF/A-2b identification.
 */
final class ReportPdfFreeze {
    static final String PRODUCER = "Piste";

    private ReportPdfFreeze() {}

    static void freeze(PDDocument doc, ReportSnapshot s, String snapshotSha256, Locale locale) throws IOException {
        Calendar asOf = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        asOf.setTimeInMillis(s.header().asOf().toEpochMilli());
        String title = s.header().caseReference() + " — " + s.header().caseTitle();
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setAuthor(s.header().author());
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        info.setCreationDate(asOf);
        info.setModificationDate(asOf);
        doc.setDocumentInformation(info);
        doc.getDocumentCatalog().setLanguage(locale.toLanguageTag());
        doc.getDocumentCatalog().setMetadata(new PDMetadata(doc, new java.io.ByteArrayInputStream(
                xmp(title, s.header().author(), asOf))));
        byte[] id = Arrays.copyOf(HexFormat.of().parseHex(snapshotSha256), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] xmp(String title, String author, Calendar asOf) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(title);
        dc.addCreator(author);
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreateDate(asOf);
        basic.setModifyDate(asOf);
        basic.setMetadataDate(asOf);
        basic.setCreatorTool(PRODUCER);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        try {
            id.setPart(2);
            id.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, out, true);
        } catch (TransformerException e) {
            throw new IOException(e);
        }
        return out.toByteArray();
    }
}
