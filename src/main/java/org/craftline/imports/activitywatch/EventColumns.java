package org.craftline.imports.activitywatch;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.craftline.imports.capture.Texts;

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

    /**
     * The events' positions in order of start, equal starts in the order given (ActivityWatch
     * exports newest first). Sorted as primitive numbers, the start and the position in one long,
     * so that half a million events take no boxed object each.
     */
    int[] byStart() {
        int[] order = new int[size];
        if (size == 0) {
            return order;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, starts[i]);
            max = Math.max(max, starts[i]);
        }
        int positionBits = 32 - Integer.numberOfLeadingZeros(size);
        if (max - min < (1L << (62 - positionBits))) {
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = (starts[i] - min) << positionBits | i;
            }
            Arrays.sort(keys);
            long mask = (1L << positionBits) - 1;
            for (int i = 0; i < size; i++) {
                order[i] = (int) (keys[i] & mask);
            }
            return order;
        }
        // Starts centuries apart: rare enough to sort boxed.
        return IntStream.range(0, size).boxed()
                .sorted((a, b) -> Long.compare(starts[a], starts[b])).mapToInt(Integer::intValue).toArray();
    }

    /**
     * These events in order of start, each starting no earlier than the one before it ended, and
     * without those that then cover no time: overlapping events (they happen) count once.
     */
    EventColumns inStartOrderWithoutOverlaps() {
        EventColumns ordered = new EventColumns();
        long covered = Long.MIN_VALUE;
        for (int i : byStart()) {
            long start = Math.max(starts[i], covered);
            if (ends[i] > start) {
                ordered.add(start, ends[i], firsts[i], seconds[i]);
                covered = ends[i];
            }
        }
        return ordered;
    }

    /** These events and those of {@code other}, in no particular order. */
    EventColumns with(EventColumns other) {
        EventColumns both = new EventColumns();
        for (EventColumns part : new EventColumns[] {this, other}) {
            for (int i = 0; i < part.size; i++) {
                both.add(part.starts[i], part.ends[i], part.firsts[i], part.seconds[i]);
            }
        }
        return both;
    }

    /** The position of the first event ending after {@code time}, in events sorted and not overlapping. */
    int firstEndingAfter(long time) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ends[middle] <= time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
