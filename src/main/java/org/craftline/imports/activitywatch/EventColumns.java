package org.craftline.imports.activitywatch;

import java.util.Arrays;

/**
 * A bucket's events as columns, not objects: a year of ActivityWatch is about 500,000 events, and
 * an object per event (with its map of data) would take several times the memory. Times are epoch
 * milliseconds; {@code first} and {@code second} are the event's two texts as numbers from
 * {@link Texts} (a window's app and title, a tab's url and title, an AFK event's status).
 */
final class EventColumns {

    private long[] starts = new long[64];
    private long[] ends = new long[64];
    private int[] firsts = new int[64];
    private int[] seconds = new int[64];
    private int size;

    void add(long start, long end, int first, int second) {
        if (size == starts.length) {
            int grown = size * 2;
            starts = Arrays.copyOf(starts, grown);
            ends = Arrays.copyOf(ends, grown);
            firsts = Arrays.copyOf(firsts, grown);
            seconds = Arrays.copyOf(seconds, grown);
        }
        starts[size] = start;
        ends[size] = end;
        firsts[size] = first;
        seconds[size] = second;
        size++;
    }

    int size() {
        return size;
    }

    long start(int i) {
        return starts[i];
    }

    long end(int i) {
        return ends[i];
    }

    int first(int i) {
        return firsts[i];
    }

    int second(int i) {
        return seconds[i];
    }

    /** The events' positions in order of start (ActivityWatch exports newest first). */
    Integer[] byStart() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(starts[a], starts[b]));
        return order;
    }
}
