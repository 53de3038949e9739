package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.jackson.Jackson;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.craftline.testing.NoDatabase;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The SVG chart reads well and always parses: a share of 1.0 inside the plot, the levels between
 * shifts drawn as steps, close event labels in separate rows, a label at the right edge reading
 * leftwards, and any label text, control characters and markup included, giving well-formed XML.
 * Built from the report fixture the API's clients rely on.
 */
@NoDatabase
class ReportChartTest {

    /**
     * Dropwizard's own mapper, not the API's strict one: the API now refuses such labels at the door
     * (values/TextRules), and this shows the chart would stay well-formed even if one got through.
     */
    private static final ObjectMapper JSON = Jackson.newObjectMapper();
    private static final String HOSTILE = "a <b> & \"c\" ' \u0001\u0008\u001f \uFFFE\uFFFF \uD800 ]]> end";

    /** The fixture with a week at 1.0 and four events: two close together, one at the right edge. */
    private static DeskillingReport report() throws Exception {
        ObjectNode tree;
        try (InputStream in = ReportChartTest.class.getResourceAsStream("/openapi/examples/DeskillingReport.json")) {
            tree = (ObjectNode) JSON.readTree(in);
        }
        ((ObjectNode) tree.withArray("series").get(0)).put("craftShare", 1.0);
        ArrayNode events = tree.withArray("events");
        ObjectNode template = (ObjectNode) events.get(0);
        events.removeAll();
        for (String[] event : new String[][] {{"2023-03-15", HOSTILE}, {"2023-03-16", "second event, a day later"},
                {"2023-03-17", "third event"}, {"2023-04-02", "a long label on the very last day of the range"}}) {
            events.add(template.deepCopy().put("date", event[0]).put("label", event[1]));
        }
        return JSON.reader().without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .forType(DeskillingReport.class).readValue(tree);
    }

    @Test
    void theSvg_isWellFormedXml_whateverTheLabelsHold() throws Exception {
        String svg = ReportChart.svg(report());
        // Kept for a look: target/charts/fixture-chart.svg.
        Files.createDirectories(Path.of("target", "charts"));
        Files.writeString(Path.of("target", "charts", "fixture-chart.svg"), svg);

        Document parsed = parse(svg);

        assertThat(parsed.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(parsed.getDocumentElement().getTextContent()).contains("a <b> & \"c\" '", "]]> end",
                "Segment means between shifts");
    }

    @Test
    void eachPeriodWithAShare_isOnePointOfItsOwn_titledWithItsFigure() throws Exception {
        DeskillingReport report = report();
        Document parsed = parse(ReportChart.svg(report));
        NodeList groups = parsed.getElementsByTagNameNS("*", "g");
        Map<String, String> titles = new LinkedHashMap<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getAttribute("id").startsWith("period-")) {
                titles.put(group.getAttribute("id"), group.getElementsByTagNameNS("*", "title").item(0).getTextContent());
            }
        }

        List<String> withShares = report.series().stream().filter(period -> period.craftShare() != null)
                .map(period -> "period-" + period.start()).toList();
        assertThat(titles.keySet()).containsExactlyElementsOf(withShares);
        assertThat(titles.get("period-2023-03-13")).isEqualTo("Week of 2023-03-13: craft share 15% of 1980 minutes");
    }

    @Test
    void aShareOfOne_isInsideThePlot_andShiftsAreStepsBetweenSegmentMeans() throws Exception {
        DeskillingReport report = report();
        XYPlot plot = ReportChart.chart(report, ReportChart.DEFAULT_WIDTH).getXYPlot();

        assertThat(plot.getRangeAxis().getLowerBound()).isLessThan(0);
        assertThat(plot.getRangeAxis().getUpperBound()).isGreaterThan(1);
        XYDataset means = plot.getDataset(1);
        ChangePoint shift = report.changePoints().get(0);
        assertThat(means.getYValue(0, 0)).isEqualTo(shift.shareBefore());
        assertThat(means.getYValue(0, means.getItemCount(0) - 1)).isEqualTo(shift.shareAfter());
        assertThat(plot.getRenderer(1).getClass().getSimpleName()).isEqualTo("XYStepRenderer");
    }

    @Test
    void closeLabels_takeSeparateRows_andOneAtTheEndReadsLeftwards() throws Exception {
        JFreeChart chart = ReportChart.chart(report(), ReportChart.DEFAULT_WIDTH);
        @SuppressWarnings("unchecked")
        Collection<Marker> markers = chart.getXYPlot().getDomainMarkers(Layer.FOREGROUND);
        List<ValueMarker> events = markers.stream().filter(ValueMarker.class::isInstance).map(ValueMarker.class::cast)
                .filter(m -> m.getLabelAnchor() == RectangleAnchor.TOP_RIGHT || m.getLabelAnchor() == RectangleAnchor.TOP_LEFT)
                .toList();

        assertThat(events).hasSize(4);
        assertThat(events.subList(0, 3)).extracting(m -> m.getLabelOffset().getTop()).doesNotHaveDuplicates();
        assertThat(events.get(3).getLabelAnchor()).as("the last day's label reads leftwards")
                .isEqualTo(RectangleAnchor.TOP_LEFT);
    }

    @Test
    void atAnyWidthAskedFor_theChartIsThatWide_andNoTextIsSmallerThan11Pixels() throws Exception {
        DeskillingReport report = report();
        for (int width : new int[] {ReportChart.MIN_WIDTH, 343, 375, 640, ReportChart.DEFAULT_WIDTH,
                ReportChart.MAX_WIDTH}) {
            String svg = ReportChart.svg(report, width);
            Document parsed = parse(svg);
            List<Integer> sizes = java.util.regex.Pattern.compile("font-size: ?(\\d+)px").matcher(svg).results()
                    .map(match -> Integer.valueOf(match.group(1))).toList();

            assertThat(Double.parseDouble(parsed.getDocumentElement().getAttribute("width"))).isEqualTo(width);
            assertThat(sizes).as("font sizes at %d px", width).isNotEmpty().allMatch(size -> size >= 11);
        }
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setNamespaceAware(true);
        // The document names SVG 1.0's DTD; well-formedness needs no fetching of it.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
