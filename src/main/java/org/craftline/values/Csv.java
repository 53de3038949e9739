package org.craftline.values;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** What every CSV Craftline writes shares: the mapper's settings, and cells made safe for spreadsheets. */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    /** Dates as ISO strings, null figures as empty cells; columns in the order a schema gives. */
    public static final CsvMapper MAPPER = CsvMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Csv() {
    }

    /**
     * A text cell a spreadsheet will not run as a formula (CSV injection, OWASP): one starting with
     * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '},
     * which spreadsheets show as text and do not evaluate. Null stays null (an empty cell).
     */
    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + text : text;
    }
}
