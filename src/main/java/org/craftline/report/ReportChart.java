package org.craftline.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.craftline.values.Text;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report as an SVG chart (JFreeChart drawn by JFreeSVG): craft share per period as a line, the
 * Theil-Sen trend, the segment means between change points as steps, change points as vertical
 * rules, events as labelled markers, and empty or suppressed periods left blank (grey bands mark
 * the suppressed ones). Labels are placed so that they neither overlap nor leave the plot
 * ({@link LabelRows}), and every text is made XML-safe, so the document always parses.
 */
final class ReportChart {

    static final String MEDIA_TYPE = "image/svg+xml";
    /** The width drawn when none is asked for, and the narrowest and widest asked for (pixels). */
    static final int DEFAULT_WIDTH = 960;
    static final int MIN_WIDTH = 280;
    static final int MAX_WIDTH = 2400;
    private static final Color SHARE = new Color(0x1f, 0x5f, 0x8b);
    private static final Color TREND = new Color(0xc0, 0x39, 0x2b);
    private static final Color CHANGE = new Color(0x6c, 0x34, 0x83);
    private static final Color EVENT = new Color(0x27, 0x7d, 0x4e);
    private static final Color MEANS = new Color(0xe6, 0x7e, 0x22);
    private static final int LABEL_STEP = 16;
    /**
     * The smallest text on the chart, drawn at the width it is shown at: 11 pixels stays legible on a
     * phone, where a chart drawn for a desktop and shrunk would leave labels a few pixels high.
     */
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font AXIS_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** A little wider than the average glyph of the label font, so estimates err towards room. */
    private static final double LABEL_CHAR_WIDTH = 6.6;
    /** What the axes and insets take from the chart's width, estimated on the safe side. */
    private static final double PLOT_MARGIN = 120;
    private static final int EVENT_ROWS = 6;
    private static final int CHANGE_ROWS = 3;

    static {
        // JFreeChart draws rotated text (the y-axis label) as glyph outlines by default; as SVG text
        // it stays selectable, searchable and readable by screen readers.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ReportChart() {
    }

    static String svg(DeskillingReport report) {
        return svg(report, DEFAULT_WIDTH);
    }

    /** The chart drawn for {@code width} pixels, 4:3 on a phone up to 2:1 on a wide screen. */
    static String svg(DeskillingReport report, int width) {
        int height = (int) Math.round(Math.max(360, Math.min(480, width * 0.75)));
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        // A fixed prefix for the ids of clip paths and gradients, instead of one from the system's
        // nanosecond clock: the same report then draws the same bytes, and a reader comparing two
        // charts sees only what changed in the figures. The chart is a document of its own (an
        // <img>, a file), so its ids meet no others.
        svg.setDefsKeyPrefix("chart");
        chart(report, width).draw(svg, new Rectangle(0, 0, width, height));
        return svg.getSVGDocument();
    }

    static JFreeChart chart(DeskillingReport report, int width) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(shareLine(report.series()));
        data.addSeries(trendLine(report));
        DateAxis time = new DateAxis("Period (" + report.bucket().jsonName() + " starting)");
        time.setRange(first(report), last(report));
        NumberAxis share = new NumberAxis("Craft share of logged minutes");
        for (var axis : List.of(time, share)) {
            axis.setLabelFont(AXIS_FONT);
            axis.setTickLabelFont(LABEL_FONT);
        }
        // A little room above 1 and below 0, so that a point at either end is drawn whole.
        share.setRange(-0.04, 1.04);
        share.setTickUnit(new NumberTickUnit(0.2));
        XYLineAndShapeRenderer renderer = new PeriodPointRenderer(report.series(), report.bucket());
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
        if (!report.changePoints().isEmpty()) {
            XYStepRenderer steps = new XYStepRenderer();
            steps.setSeriesPaint(0, MEANS);
            steps.setSeriesStroke(0, new BasicStroke(2.5f));
            plot.setDataset(1, new XYSeriesCollection(segmentMeans(report)));
            plot.setRenderer(1, steps);
        }
        markSuppressed(plot, report.series());
        double plotWidth = width - PLOT_MARGIN;
        markChanges(plot, report, plotWidth);
        markEvents(plot, report, plotWidth);

        JFreeChart chart = new JFreeChart(Text.xmlSafe("Craft share, " + report.subject().describe() + ", "
                + report.from() + " to " + report.to() + " (" + report.trend().verdict() + ")"),
                new Font(Font.SANS_SERIF, Font.BOLD, 16), plot, true);
        if (report.trend().sentence() != null) {
            // The caption: how sure the verdict is, and what the range could have shown.
            TextTitle caption = new TextTitle(Text.xmlSafe(report.trend().sentence()),
                    new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            caption.setPadding(new RectangleInsets(4, 8, 4, 8));
            chart.addSubtitle(0, caption);
        }
        chart.setBackgroundPaint(Color.WHITE);
        // Room on the right for the last date's tick label, which is centred on the plot's edge.
        chart.setPadding(new RectangleInsets(4, 4, 4, 24));
        return chart;
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

    /**
     * Each period with a share at the mean of its segment between change points: drawn as steps,
     * the level before and after each shift.
     */
    private static XYSeries segmentMeans(DeskillingReport report) {
        XYSeries means = new XYSeries("Segment means between shifts", false, true);
        List<ChangePoint> changes = report.changePoints();
        for (PeriodSummary period : report.series()) {
            if (period.craftShare() == null) {
                continue;
            }
            double mean = changes.get(0).shareBefore();
            for (ChangePoint change : changes) {
                if (!period.start().isBefore(change.start())) {
                    mean = change.shareAfter();
                }
            }
            means.add(millis(period.start()), mean);
        }
        PeriodSummary last = report.series().get(report.series().size() - 1);
        if (!means.isEmpty()) {
            // The last level runs to the end of its period, not only to its start.
            means.add(millis(last.end().plusDays(1)), means.getY(means.getItemCount() - 1));
        }
        return means;
    }

    /** Shift labels along the bottom, placed in rows so that close ones stay legible. */
    private static void markChanges(XYPlot plot, DeskillingReport report, double plotWidth) {
        List<ChangePoint> changes = report.changePoints();
        List<String> labels = changes.stream().map(change -> "shift " + change.start()).toList();
        List<LabelRows.Place> places = place(report, changes.stream().map(ChangePoint::start).toList(), labels,
                CHANGE_ROWS, plotWidth);
        for (int i = 0; i < changes.size(); i++) {
            ValueMarker rule = new ValueMarker(millis(changes.get(i).start()), CHANGE, new BasicStroke(2f));
            label(rule, labels.get(i), CHANGE);
            LabelRows.Place place = places.get(i);
            rule.setLabelAnchor(place.leftwards() ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.BOTTOM_RIGHT);
            rule.setLabelTextAnchor(place.leftwards() ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
            rule.setLabelOffset(new RectangleInsets(4, 4, 4 + LABEL_STEP * place.row(), 4));
            plot.addDomainMarker(rule);
        }
    }

    /** Event labels along the top, placed the same way. */
    private static void markEvents(XYPlot plot, DeskillingReport report, double plotWidth) {
        List<EventEffect> events = report.events();
        List<String> labels = events.stream().map(EventEffect::label).toList();
        List<LabelRows.Place> places = place(report, events.stream().map(EventEffect::date).toList(), labels,
                EVENT_ROWS, plotWidth);
        for (int i = 0; i < events.size(); i++) {
            ValueMarker marker = new ValueMarker(millis(events.get(i).date()), EVENT, new BasicStroke(1f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f));
            label(marker, labels.get(i), EVENT);
            LabelRows.Place place = places.get(i);
            marker.setLabelAnchor(place.leftwards() ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(place.leftwards() ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            marker.setLabelOffset(new RectangleInsets(4 + LABEL_STEP * place.row(), 4, 4, 4));
            plot.addDomainMarker(marker);
        }
    }

    private static List<LabelRows.Place> place(DeskillingReport report, List<LocalDate> dates, List<String> labels,
                                               int rows, double plotWidth) {
        double first = first(report);
        double span = last(report) - first;
        double[] positions = dates.stream().mapToDouble(date -> (millis(date) - first) / span * plotWidth).toArray();
        double[] widths = labels.stream().mapToDouble(label -> label.length() * LABEL_CHAR_WIDTH + 8).toArray();
        return LabelRows.place(positions, widths, plotWidth, rows);
    }

    private static void label(ValueMarker marker, String text, Color color) {
        marker.setLabel(Text.xmlSafe(text));
        marker.setLabelFont(LABEL_FONT);
        marker.setLabelPaint(color);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
    }

    /**
     * The time axis runs from the first period's first day to the day after the last period, with
     * a margin of 2% at each end so that a point on the first day is drawn whole.
     */
    private static double first(DeskillingReport report) {
        return start(report) - margin(report);
    }

    private static double last(DeskillingReport report) {
        return end(report) + margin(report);
    }

    private static double start(DeskillingReport report) {
        return millis(report.series().get(0).start());
    }

    private static double end(DeskillingReport report) {
        return millis(report.series().get(report.series().size() - 1).end().plusDays(1));
    }

    private static double margin(DeskillingReport report) {
        return (end(report) - start(report)) * 0.02;
    }

    private static double millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
