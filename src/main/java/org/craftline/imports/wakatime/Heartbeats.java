package org.craftline.imports.wakatime;

import java.util.Arrays;

/**
 * An export's heartbeats as columns, not objects (as ActivityWatch's events are): time in epoch
 * milliseconds, what was worked on as a number from {@link HeartbeatKinds}, and its line changes.
 */
final class Heartbeats {

    private long[] times = new long[256];
    private int[] kinds = new int[256];
    private int[] aiLines = new int[256];
    private int[] humanLines = new int[256];
    private int size;

    void add(long time, int kind, int ai, int human) {
        if (size == times.length) {
            int grown = size * 2;
            times = Arrays.copyOf(times, grown);
            kinds = Arrays.copyOf(kinds, grown);
            aiLines = Arrays.copyOf(aiLines, grown);
            humanLines = Arrays.copyOf(humanLines, grown);
        }
        times[size] = time;
        kinds[size] = kind;
        aiLines[size] = ai;
        humanLines[size] = human;
        size++;
    }

    int size() {
        return size;
    }

    long time(int i) {
        return times[i];
    }

    int kind(int i) {
        return kinds[i];
    }

    int aiLines(int i) {
        return aiLines[i];
    }

    int humanLines(int i) {
        return humanLines[i];
    }

    /** The heartbeats' positions in time order (an export lists them by day, and plugins send late ones). */
    int[] byTime() {
        return java.util.stream.IntStream.range(0, size).boxed()
                .sorted((a, b) -> Long.compare(times[a], times[b]))
                .mapToInt(Integer::intValue).toArray();
    }
}
