package org.craftline.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.craftline.report.stats.ShiftDetector;

/** Where the share shifted: the first period of the new level, and the mean share on either side. */
public record ChangePoint(LocalDate start, double shareBefore, double shareAfter) {

    static List<ChangePoint> detect(List<PeriodSummary> series, Shares shares) {
        List<Integer> cuts = ShiftDetector.changePoints(shares.values());
        List<ChangePoint> changes = new ArrayList<>();
        for (int c = 0; c < cuts.size(); c++) {
            int cut = cuts.get(c);
            int segmentStart = c == 0 ? 0 : cuts.get(c - 1);
            int segmentEnd = c == cuts.size() - 1 ? shares.size() : cuts.get(c + 1);
            changes.add(new ChangePoint(series.get(shares.periodIndex()[cut]).start(),
                    shares.mean(segmentStart, cut), shares.mean(cut, segmentEnd)));
        }
        return changes;
    }
}
