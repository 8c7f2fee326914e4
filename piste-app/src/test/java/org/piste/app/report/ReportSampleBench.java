package org.piste.app.report;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

/**
 * Not part of the suite (its name does not end in Test): renders the committed sample (docs/report-sample.pdf and a
 * subject page as docs/report-page.png) and times a 5,000-transfer subject. Run it with
 * {@code ./mvnw -o -pl piste-app test -Dtest=ReportSampleBench}.
 */
class ReportSampleBench {
    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void sample() throws Exception {
        byte[] pdf = ReportPdf.render(ReportSamples.large(2, 20), ReportSamples.SNAPSHOT_SHA, Locale.FRENCH);
        Files.write(DOCS.resolve("report-sample.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(2, 100);
            ImageIO.write(page, "png", DOCS.resolve("report-page.png").toFile());
            System.out.printf("sample: %d pages, %d bytes%n", doc.getNumberOfPages(), pdf.length);
        }
    }

    @Test
    void timing() throws Exception {
        ReportSnapshot big = ReportSamples.large(1, 5_000);
        ReportPdf renderer = new ReportPdf();
        renderer.pdf(ReportSamples.small(), ReportSamples.SNAPSHOT_SHA, Locale.FRENCH); // warm up
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            byte[] pdf = renderer.pdf(big, ReportSamples.SNAPSHOT_SHA, Locale.FRENCH);
            long ms = (System.nanoTime() - start) / 1_000_000;
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                System.out.printf("5000 transfers: %d ms, %d pages, %d bytes%n", ms, doc.getNumberOfPages(), pdf.length);
            }
        }
    }
}
