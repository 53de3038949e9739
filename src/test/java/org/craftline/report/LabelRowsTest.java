package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

@NoDatabase
class LabelRowsTest {

    @Test
    void closeLabels_goToDifferentRows_andOneAtTheRightEdgeReadsLeftwards() {
        List<LabelRows.Place> places = LabelRows.place(new double[] {100, 104, 880}, new double[] {120, 90, 150},
                900, 4);

        assertThat(places).extracting(LabelRows.Place::row).containsExactly(0, 1, 0);
        assertThat(places).extracting(LabelRows.Place::leftwards).containsExactly(false, false, true);
    }

    /** Whenever the rows suffice, no two labels in a row overlap and each stays inside the plot. */
    @Property(tries = 300)
    void labels_neverOverlapNorLeaveThePlot(@ForAll @Size(min = 1, max = 6) List<@DoubleRange(min = 0, max = 800) Double> at,
                                            @ForAll @DoubleRange(min = 20, max = 200) double width) {
        double[] positions = at.stream().mapToDouble(Double::doubleValue).toArray();
        double[] widths = at.stream().mapToDouble(x -> width).toArray();
        List<LabelRows.Place> places = LabelRows.place(positions, widths, 800, 6);

        for (int i = 0; i < places.size(); i++) {
            double[] a = span(positions[i], width, places.get(i));
            assertThat(a[0]).isGreaterThanOrEqualTo(0);
            assertThat(a[1]).isLessThanOrEqualTo(800 + Math.max(0, width - positions[i]));
            for (int j = 0; j < i; j++) {
                if (places.get(j).row() == places.get(i).row()) {
                    double[] b = span(positions[j], width, places.get(j));
                    assertThat(Math.min(a[1], b[1]) - Math.max(a[0], b[0])).as("labels %d and %d", j, i)
                            .isLessThanOrEqualTo(-LabelRows.GAP + 1e-9);
                }
            }
        }
    }

    private static double[] span(double position, double width, LabelRows.Place place) {
        double from = place.leftwards() ? position - width : position;
        return new double[] {from, from + width};
    }
}
