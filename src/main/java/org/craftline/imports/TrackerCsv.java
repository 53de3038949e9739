package org.craftline.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import org.craftline.problem.ApiException;
import org.craftline.values.Csv;

/**
 * A tracker's CSV export read as a stream, a row at a time, never whole: UTF-8 (a byte-order mark
 * is skipped; bytes that are not UTF-8 are refused), quoted fields with commas, quotes and line
 * breaks inside, columns found by their header's name. The digest of the bytes read identifies the
 * file for Idempotency-Key.
 */
final class TrackerCsv implements Closeable {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Tracker tracker;
    private final MessageDigest digest;
    private final MappingIterator<String[]> records;
    private final Map<String, Integer> columns = new HashMap<>();
    private int number = 1;

    private TrackerCsv(Tracker tracker, MessageDigest digest, MappingIterator<String[]> records) {
        this.tracker = tracker;
        this.digest = digest;
        this.records = records;
    }

    /** Opens the file and reads its header; refuses a file that is empty or lacks the tracker's columns. */
    static TrackerCsv open(InputStream body, Tracker tracker) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            PushbackInputStream in = new PushbackInputStream(new DigestInputStream(body, digest), BOM.length);
            skipBom(in);
            Reader text = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
            MappingIterator<String[]> records = Csv.MAPPER.readerFor(String[].class)
                    .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text);
            TrackerCsv csv = new TrackerCsv(tracker, digest, records);
            csv.readHeader();
            return csv;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        } catch (IOException e) {
            throw unreadable(e, 1);
        }
    }

    private static void skipBom(PushbackInputStream in) throws IOException {
        byte[] start = in.readNBytes(BOM.length);
        boolean bom = start.length == BOM.length && start[0] == BOM[0] && start[1] == BOM[1] && start[2] == BOM[2];
        if (!bom) {
            in.unread(start);
        }
    }

    private void readHeader() throws IOException {
        if (!records.hasNextValue()) {
            throw ApiException.unprocessable("body", "is empty: export a detailed report from " + tracker.displayName
                    + " as CSV and send that file");
        }
        String[] header = records.nextValue();
        for (int i = 0; i < header.length; i++) {
            columns.putIfAbsent(TrackerRow.normalize(header[i].replace("\uFEFF", "")), i);
        }
        require(tracker.startDate);
        if (tracker.durations.stream().noneMatch(column -> columns.containsKey(TrackerRow.normalize(column)))) {
            throw missing(tracker.durations.get(0));
        }
    }

    private void require(String column) {
        if (!columns.containsKey(TrackerRow.normalize(column))) {
            throw missing(column);
        }
    }

    private ApiException missing(String column) {
        return ApiException.unprocessable("body", "has no '" + column + "' column: is it a " + tracker.displayName
                + " detailed report exported as CSV? Its first row must name the columns");
    }

    /** The next row with anything in it, or null at the end of the file. */
    TrackerRow next() {
        try {
            while (records.hasNextValue()) {
                String[] cells = records.nextValue();
                number++;
                for (String cell : cells) {
                    if (!cell.isBlank()) {
                        return new TrackerRow(number, columns, cells);
                    }
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            throw unreadable(e, number + 1);
        }
    }

    /** SHA-256 of every byte of the body, once it has been read to its end. */
    byte[] digest() {
        return digest.digest();
    }

    /** The header's column count: a row with more cells than the header has is not a row of this file. */
    int columns() {
        return columns.size();
    }

    private static ApiException unreadable(Exception e, int row) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return ApiException.badRequest("The file is not UTF-8 text (near row " + row + "): export it again "
                        + "as UTF-8, or save it as \"CSV UTF-8\"");
            }
            if (cause instanceof ApiException api) {
                return api;
            }
        }
        return ApiException.badRequest("The file cannot be read as CSV at row " + row + ": " + firstLine(e.getMessage()));
    }

    private static String firstLine(String message) {
        return message == null ? "malformed" : message.lines().findFirst().orElse("malformed");
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
