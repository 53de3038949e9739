package org.craftline.rollup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.craftline.step.Discretion;
import org.craftline.step.Mediation;
import org.craftline.step.Step;

/**
 * Everything the report needs of one worker's day, computed from the day's steps in the order they
 * were logged (task by task, then position): minutes by mode, mediation and discretion; the parts
 * of the fragmentation measures (steps, repeated minutes, activities, entropy); and per tool the
 * minutes by mode. Stored in {@code worker_days} and {@code worker_day_tools}.
 */
public record DayRollup(
        int minutes,
        int craftMinutes,
        int mediationNoneMinutes,
        int mediationAssistedMinutes,
        int mediationGeneratedMinutes,
        int discretionSelfMinutes,
        int discretionWithinSpecMinutes,
        int discretionPrescribedMinutes,
        int stepCount,
        int repeatedMinutes,
        int activityCount,
        double entropy,
        List<ToolMinutes> tools) {

    /** One tool's minutes on the day, and how many of them were CRAFT. */
    public record ToolMinutes(String tool, int minutes, int craftMinutes) {
    }

    /** @param steps the day's steps in logged order; empty for a day with nothing logged */
    public static DayRollup of(List<Step> steps) {
        int minutes = 0;
        int craft = 0;
        int[] mediation = new int[Mediation.values().length];
        int[] discretion = new int[Discretion.values().length];
        int repeated = 0;
        Set<String> seen = new HashSet<>();
        Map<String, Integer> byActivity = new LinkedHashMap<>();
        Map<String, int[]> byTool = new TreeMap<>();
        for (Step step : steps) {
            int m = step.minutes();
            minutes += m;
            craft += step.isCraft() ? m : 0;
            if (step.mediation() != null) {
                mediation[step.mediation().ordinal()] += m;
            }
            if (step.discretion() != null) {
                discretion[step.discretion().ordinal()] += m;
            }
            // A repetition: the activity already occurred earlier that day.
            repeated += seen.add(step.activity()) ? 0 : m;
            byActivity.merge(step.activity(), m, Integer::sum);
            if (step.tool() != null) {
                int[] tool = byTool.computeIfAbsent(step.tool(), t -> new int[2]);
                tool[0] += m;
                tool[1] += step.isCraft() ? m : 0;
            }
        }
        List<ToolMinutes> tools = new ArrayList<>(byTool.size());
        byTool.forEach((tool, sums) -> tools.add(new ToolMinutes(tool, sums[0], sums[1])));
        return new DayRollup(minutes, craft,
                mediation[Mediation.NONE.ordinal()], mediation[Mediation.ASSISTED.ordinal()],
                mediation[Mediation.GENERATED.ordinal()],
                discretion[Discretion.SELF.ordinal()], discretion[Discretion.WITHIN_SPEC.ordinal()],
                discretion[Discretion.PRESCRIBED.ordinal()],
                steps.size(), repeated, byActivity.size(), entropy(byActivity.values(), minutes), List.copyOf(tools));
    }

    /** Shannon entropy (natural log) of the day's time shares over activities; 0 for an empty day. */
    private static double entropy(Iterable<Integer> activityMinutes, int dayMinutes) {
        double entropy = 0;
        for (int m : activityMinutes) {
            double share = (double) m / dayMinutes;
            entropy -= share * Math.log(share);
        }
        return entropy;
    }
}
