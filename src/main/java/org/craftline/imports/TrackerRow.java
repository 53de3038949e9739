package org.craftline.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One data row of a tracker's CSV, read by column name. {@code number} is its row in the file as a
 * spreadsheet counts it: the header is row 1.
 */
record TrackerRow(int number, Map<String, Integer> columns, String[] cells) {

    /** The trimmed cell under {@code header}; empty when the file has no such column or the row no such cell. */
    String get(String header) {
        Integer index = columns.get(normalize(header));
        return index == null || index >= cells.length || cells[index] == null ? "" : cells[index].strip();
    }

    boolean has(String header) {
        return columns.containsKey(normalize(header));
    }

    /** Tags as the trackers write them, separated by commas; blank ones dropped. */
    List<String> tags() {
        List<String> tags = new ArrayList<>();
        for (String tag : get(Tracker.TAGS).split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.strip());
            }
        }
        return tags;
    }

    static String normalize(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }
}
