package org.piste.app.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * The report's two charts, drawn server-side as SVG (vector in the PDF): amounts by month, one bar per currency, and
 * transfers by hour of day in the sender's zone. Doubles here are for drawing only; the printed totals are exact.
 * Text is drawn as shapes and ids are fixed, so the same data gives the same SVG and needs no font in the PDF; the
 * shapes come from the Liberation Sans the PDF embeds (not the machine's "SansSerif", which differs from host to host)
 * and the axis numbers are written in the report's language (not the JVM's), so another server gives the same bytes.
 */
final class ReportCharts {
    private static final Font SANS = liberation("Regular");
    private static final Font SANS_BOLD = liberation("Bold");
    private static final Color[] COLOURS = {new Color(0x1f4e79), new Color(0xc55a11), new Color(0x548235),
            new Color(0x7030a0)};

    private ReportCharts() {}

    static String byMonth(List<ReportTotals> months, String title, String axis, String id, Locale locale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ReportTotals m : months) data.addValue(m.total().doubleValue(), m.currency(), m.key());
        return draw(bars(data, title, axis, true, locale), id);
    }

    static String byHour(int[] hours, String title, String axis, String series, String id, Locale locale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int h = 0; h < 24; h++) data.addValue(hours[h], series, String.format(Locale.ROOT, "%02d", h));
        JFreeChart chart = bars(data, title, axis, false, locale);
        // Counts: whole ticks only.
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return draw(chart, id);
    }

    private static JFreeChart bars(DefaultCategoryDataset data, String title, String axis, boolean legend,
            Locale locale) {
        CategoryAxis categories = new CategoryAxis();
        categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        Font small = SANS.deriveFont(9f);
        categories.setTickLabelFont(small);
        NumberAxis values = new NumberAxis(axis);
        values.setNumberFormatOverride(NumberFormat.getNumberInstance(locale));
        values.setTickLabelFont(small);
        values.setLabelFont(small);
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int i = 0; i < COLOURS.length; i++) renderer.setSeriesPaint(i, COLOURS[i]);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlineStroke(new BasicStroke(0.5f));
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(title, SANS_BOLD.deriveFont(11f), plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        if (legend) chart.getLegend().setItemFont(small);
        chart.setAntiAlias(true);
        return chart;
    }

    /** The bundled Liberation Sans (openpdf-fonts-extra), the font the PDF embeds. */
    private static Font liberation(String style) {
        try (InputStream in = ReportCharts.class.getResourceAsStream("/liberation/LiberationSans-" + style + ".ttf")) {
            if (in == null) throw new IllegalStateException("Liberation Sans " + style + " is not on the class path");
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot read Liberation Sans " + style, e);
        }
    }

    private static String draw(JFreeChart chart, String id) {
        SVGGraphics2D g = new SVGGraphics2D(520, 230);
        // Fixed prefixes: JFreeSVG's default ids carry the clock, and the same snapshot must give the same bytes.
        g.setDefsKeyPrefix(id);
        g.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
        chart.draw(g, new Rectangle(0, 0, 520, 230));
        // Whole-number dimensions: openhtmltopdf reads them as integers (JFreeSVG writes "520.0").
        return g.getSVGElement(id, false, new ViewBox(0, 0, 520, 230), null, null)
                .replaceFirst("<svg ", "<svg width=\"520\" height=\"230\" ");
    }
}
