package org.craftline.report.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

@NoDatabase
class PeltTest {

    private static double[] fixture() throws IOException {
        try (InputStream in = PeltTest.class.getResourceAsStream("/fixtures/changepoint-fixture.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).mapToDouble(Double::parseDouble).toArray();
        }
    }

    @Test
    void fixture_findsTheThreeShifts() throws IOException {
        double[] x = fixture();   // R set.seed(1); means 0, 5, 10, 3 in blocks of 50, sd 1

        assertThat(x).hasSize(200);
        assertThat(Pelt.changePoints(x, 2 * Math.log(x.length), 1)).containsExactly(50, 100, 150);
    }

    @Test
    void noShift_noChangePoints() {
        double[] flat = {0.1, -0.2, 0.05, 0.0, 0.15, -0.1, 0.02, -0.05, 0.1, 0.0};

        assertThat(Pelt.changePoints(flat, 2 * Math.log(flat.length), 2)).isEmpty();
    }

    @Test
    void minimumSegment_isRespected() {
        double[] x = {0, 0, 0, 0, 10, 10, 10, 10, 0, 0, 0, 0};

        List<Integer> changes = Pelt.changePoints(x, 1, 4);

        assertThat(changes).containsExactly(4, 8);
        assertThat(Pelt.changePoints(x, 1, 5)).allSatisfy(k -> assertThat(k).isBetween(5, 7));
    }

    @Test
    void tooShortForTwoSegments_hasNoChangePoints() {
        assertThat(Pelt.changePoints(new double[] {0, 0, 9}, 0.1, 2)).isEmpty();
    }

    @Test
    void shiftDetector_findsADropInAShareSeries() {
        double[] shares = {0.72, 0.70, 0.75, 0.69, 0.73, 0.71, 0.74, 0.70, 0.20, 0.18, 0.22, 0.19, 0.21, 0.17, 0.2, 0.19};

        assertThat(ShiftDetector.changePoints(shares)).containsExactly(8);
    }

    /**
     * Exact shares falling by 0.05 a period: their differences agree but for about 1e-17 of
     * rounding, which must count as no noise at all, not as a noise so small that every period
     * looks like a shift.
     */
    @Test
    void shiftDetector_exactSteadyFall_hasNoShift() {
        double[] shares = new double[14];
        for (int k = 0; k < shares.length; k++) {
            shares[k] = (90 - 5 * k) / 100.0;
        }

        assertThat(ShiftDetector.noise(shares)).isZero();
        assertThat(ShiftDetector.changePoints(shares)).isEmpty();
    }

    @Test
    void shiftDetector_constantSeries_hasNoShift() {
        assertThat(ShiftDetector.changePoints(new double[] {0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5})).isEmpty();
    }
}
