package org.craftline.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** A report's series as CSV: a header row, then one row per period, empty cells for null figures. */
final class ReportCsv {

    static final String MEDIA_TYPE = "text/csv";

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final CsvSchema SCHEMA = MAPPER.schemaFor(PeriodSummary.class).withHeader();

    private ReportCsv() {
    }

    static String write(DeskillingReport report) {
        try {
            return MAPPER.writer(SCHEMA).writeValueAsString(report.series());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a series of plain values always writes as CSV", e);
        }
    }
}
