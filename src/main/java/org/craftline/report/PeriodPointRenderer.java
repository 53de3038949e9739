package org.craftline.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.time.LocalDate;
import java.util.List;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.svg.SVGHints;

/**
 * Lines and shapes as usual, but each point of the craft-share series (series 0) is drawn inside
 * its own SVG group, {@code id="period-<start>"}, with a {@code <title>} saying the period and its
 * share: a reader hovering over a point sees its figure, a screen reader can reach it, and a test
 * can count one point per period. On any Graphics2D other than JFreeSVG's the hints do nothing.
 */
final class PeriodPointRenderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;
    private static final int SHARE_SERIES = 0;

    /** The periods with a share, in the order the series holds their points. */
    private final transient List<PeriodSummary> points;
    private final transient String periodName;

    PeriodPointRenderer(List<PeriodSummary> series, Bucket bucket) {
        super(true, true);
        this.points = series;
        this.periodName = bucket == Bucket.MONTH ? "Month" : "Week";
    }

    @Override
    protected void drawSecondaryPass(Graphics2D g2, XYPlot plot, XYDataset dataset, int pass, int series, int item,
                                     ValueAxis domainAxis, Rectangle2D dataArea, ValueAxis rangeAxis,
                                     CrosshairState crosshairState, EntityCollection entities) {
        boolean point = series == SHARE_SERIES && !Double.isNaN(dataset.getYValue(series, item));
        if (point) {
            PeriodSummary period = points.get(item);
            g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, id(period.start()));
            // JFreeSVG writes the title where the hint is set: inside the group, it names the group.
            g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, title(period));
        }
        super.drawSecondaryPass(g2, plot, dataset, pass, series, item, domainAxis, dataArea, rangeAxis,
                crosshairState, entities);
        if (point) {
            g2.setRenderingHint(SVGHints.KEY_END_GROUP, true);
        }
    }

    static String id(LocalDate start) {
        return "period-" + start;
    }

    private String title(PeriodSummary period) {
        return periodName + " of " + period.start() + ": craft share " + Math.round(100 * period.craftShare()) + "% of "
                + period.totalMinutes() + " minutes";
    }
}
