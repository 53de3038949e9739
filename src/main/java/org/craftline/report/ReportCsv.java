package org.craftline.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.craftline.values.Csv;

/** A report's series as CSV: a header row, then one row per period, empty cells for null figures. */
final class ReportCsv {

    static final String MEDIA_TYPE = Csv.MEDIA_TYPE;

    /** Every cell is a date, a number or a flag: nothing for a spreadsheet to run as a formula. */
    private static final CsvSchema SCHEMA = Csv.MAPPER.schemaFor(PeriodSummary.class).withHeader();

    private ReportCsv() {
    }

    static String write(DeskillingReport report) {
        try {
            return Csv.MAPPER.writer(SCHEMA).writeValueAsString(report.series());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a series of plain values always writes as CSV", e);
        }
    }
}
