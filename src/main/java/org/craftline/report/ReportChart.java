package org.craftline.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report as an SVG chart (JFreeChart drawn by JFreeSVG): craft share per period as a line, the
 * Theil-Sen trend, change points as vertical rules, events as labelled markers, and empty or
 * suppressed periods left blank (grey bands mark the suppressed ones).
 */
final class ReportChart {

    static final String MEDIA_TYPE = "image/svg+xml";
    private static final int WIDTH = 960;
    private static final int HEIGHT = 480;
    private static final Color SHARE = new Color(0x1f, 0x5f, 0x8b);
    private static final Color TREND = new Color(0xc0, 0x39, 0x2b);
    private static final Color CHANGE = new Color(0x6c, 0x34, 0x83);
    private static final Color EVENT = new Color(0x27, 0x7d, 0x4e);
    private static final int LABEL_STEP = 16;

    static {
        // JFreeChart draws rotated text (the y-axis label) as glyph outlines by default; as SVG text
        // it stays selectable, searchable and readable by screen readers.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ReportChart() {
    }

    static String svg(DeskillingReport report) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(shareLine(report.series()));
        data.addSeries(trendLine(report));
        DateAxis time = new DateAxis("Period (" + report.bucket().jsonName() + " starting)");
        NumberAxis share = new NumberAxis("Craft share of logged minutes");
        share.setRange(0, 1);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, SHARE);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesPaint(1, TREND);
        renderer.setSeriesShapesVisible(1, false);
        renderer.setSeriesStroke(1, new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {8f, 6f}, 0f));
        XYPlot plot = new XYPlot(data, time, share, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        markSuppressed(plot, report.series());
        markChanges(plot, report.changePoints());
        markEvents(plot, report.events());

        JFreeChart chart = new JFreeChart("Craft share, " + report.subject().describe() + ", " + report.from()
                + " to " + report.to() + " (" + report.trend().verdict() + ")",
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        return svg.getSVGDocument();
    }

    /** Null shares stay null: the line breaks there, so empty and suppressed periods show as gaps. */
    private static XYSeries shareLine(List<PeriodSummary> series) {
        XYSeries line = new XYSeries("Craft share", false, true);
        for (PeriodSummary period : series) {
            line.add(millis(period.start()), period.craftShare());
        }
        return line;
    }

    private static XYSeries trendLine(DeskillingReport report) {
        XYSeries line = new XYSeries("Theil-Sen trend", false, true);
        if (report.trend().theilSen() == null) {
            return line;
        }
        Shares shares = Shares.of(report.series());
        for (int k : new int[] {0, shares.size() - 1}) {
            double fitted = report.trend().theilSen().intercept() + report.trend().theilSen().slope() * k;
            line.add(millis(report.series().get(shares.periodIndex()[k]).start()), fitted);
        }
        return line;
    }

    private static void markSuppressed(XYPlot plot, List<PeriodSummary> series) {
        for (PeriodSummary period : series) {
            if (period.suppressed()) {
                IntervalMarker band = new IntervalMarker(millis(period.start()), millis(period.end().plusDays(1)));
                band.setPaint(new Color(0xee, 0xee, 0xee));
                plot.addDomainMarker(band, Layer.BACKGROUND);
            }
        }
    }

    /** Shift labels along the bottom, each a line higher than the last so that close ones stay legible. */
    private static void markChanges(XYPlot plot, List<ChangePoint> changes) {
        for (int i = 0; i < changes.size(); i++) {
            ChangePoint change = changes.get(i);
            ValueMarker rule = new ValueMarker(millis(change.start()), CHANGE, new BasicStroke(2f));
            label(rule, "shift " + change.start(), CHANGE);
            rule.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
            rule.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            rule.setLabelOffset(new RectangleInsets(4, 4, 4 + LABEL_STEP * (i % 4), 4));
            plot.addDomainMarker(rule);
        }
    }

    /** Event labels along the top, staggered the same way. */
    private static void markEvents(XYPlot plot, List<EventEffect> events) {
        for (int i = 0; i < events.size(); i++) {
            EventEffect event = events.get(i);
            ValueMarker marker = new ValueMarker(millis(event.date()), EVENT, new BasicStroke(1f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
            label(marker, event.label(), EVENT);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            marker.setLabelOffset(new RectangleInsets(4 + LABEL_STEP * (i % 6), 4, 4, 4));
            plot.addDomainMarker(marker);
        }
    }

    private static void label(ValueMarker marker, String text, Color color) {
        marker.setLabel(text);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        marker.setLabelPaint(color);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
    }

    private static double millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
