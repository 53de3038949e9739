package org.craftline.testing;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.craftline.demo.ArtistActivity;

/**
 * Realistic tracker exports whose truth is known, seeded: the 3D artist's days as ActivityWatch saw
 * them ({@link ArtistActivity}, which the demo imports too), the shift linear over the range, and a
 * developer's as WakaTime's heartbeats export has them, handwritten code giving way to AI coding.
 * Each export comes with what a correct import must make of it. Used by the import tests and by
 * bench/CaptureBench (the year-size import).
 */
public final class CaptureExports {

    private static final JsonFactory JSON = new JsonFactory();

    private CaptureExports() {
    }

    /** The artist's days from {@code first} as one ActivityWatch export in memory, the shift linear over them. */
    public static Export activityWatch(long seed, LocalDate first, int days, ZoneId zone) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArtistActivity.Generated generated = activityWatch(seed, first, days, zone, out);
        return new Export(out.toByteArray(), generated.records(), generated.truth());
    }

    /** The same, written to {@code out} as it is made. */
    public static ArtistActivity.Generated activityWatch(long seed, LocalDate first, int days, ZoneId zone,
                                                         OutputStream out) {
        return ArtistActivity.write(seed, first, first.plusDays(days - 1L), zone,
                date -> (date.toEpochDay() - first.toEpochDay()) / (double) Math.max(1, days - 1), out);
    }

    /** An ActivityWatch export in memory: how many records it holds, and the truth. */
    public record Export(byte[] json, int records, List<ArtistActivity.Segment> truth) {
    }

    /** The artist's rules ({@link ArtistActivity#RULES}). */
    public static final String ARTIST_RULES = ArtistActivity.RULES;

    /** What a developer's heartbeats were about, as {@link #DEVELOPER_RULES} classify them. */
    public enum Category {
        CODING("coding", true), DEBUGGING("debugging", true), AI_CODING("ai coding", true),
        DOTFILES("coding", false), BROWSING("browsing", false);

        public final String wakaTime;
        final boolean work;

        Category(String wakaTime, boolean work) {
            this.wakaTime = wakaTime;
            this.work = work;
        }
    }

    /** A heartbeat's time to the next (0 when the next is over the timeout away), what it was about, its lines. */
    public record Beat(long start, long end, Category category, int aiLines, int humanLines) {
    }

    /** A WakaTime export and its truth. */
    public record WakaTimeExport(byte[] json, List<Beat> truth) {
    }

    public static final String DEVELOPER_RULES = """
            {"rules": [
              {"when": {"project": "dotfiles"}, "ignore": true},
              {"when": {"category": "^ai coding$"}, "activity": "ai coding", "mode": "EXECUTION", "tool": "Copilot"},
              {"when": {"category": "^(coding|debugging)$"}, "activity": "write code", "mode": "CRAFT"}
            ]}""";

    /**
     * A developer's days from {@code first}: sessions of heartbeats 20 to 120 seconds apart, over 15
     * minutes between sessions, handwritten code giving way to AI coding over the range.
     */
    public static WakaTimeExport wakaTime(long seed, LocalDate first, int days, ZoneId zone) {
        Random random = new Random(seed);
        List<Beat> beats = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = first.plusDays(d);
            double progress = d / (double) Math.max(1, days - 1);
            long at = ZonedDateTime.of(date, LocalTime.of(9, random.nextInt(30)), zone).toInstant().toEpochMilli();
            for (int session = 0; session < 3; session++) {
                long sessionEnd = at + (60 + random.nextInt(90)) * 60_000L;
                List<Beat> inSession = new ArrayList<>();
                while (at < sessionEnd) {
                    Category category = developerCategory(random, progress);
                    long blockEnd = Math.min(sessionEnd, at + (5 + random.nextInt(30)) * 60_000L);
                    while (at < blockEnd) {
                        int ai = category == Category.AI_CODING ? 5 + random.nextInt(30)
                                : category == Category.CODING && random.nextInt(10) == 0 ? 1 : 0;
                        int human = category == Category.AI_CODING ? random.nextInt(4)
                                : category.work ? 1 + random.nextInt(8) : 0;
                        inSession.add(new Beat(at, at, category, ai, human));
                        at += (20 + random.nextInt(100)) * 1000L;
                    }
                }
                for (int i = 0; i < inSession.size(); i++) {
                    Beat beat = inSession.get(i);
                    long end = i + 1 < inSession.size() ? inSession.get(i + 1).start() : beat.start();
                    beats.add(new Beat(beat.start(), end, beat.category(), beat.aiLines(), beat.humanLines()));
                }
                at += (20 + random.nextInt(60)) * 60_000L;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeObjectFieldStart("user");
            json.writeStringField("username", "dev");
            json.writeEndObject();
            json.writeObjectFieldStart("range");
            json.writeNumberField("start", beats.isEmpty() ? 0 : beats.get(0).start() / 1000);
            json.writeNumberField("end", beats.isEmpty() ? 0 : beats.get(beats.size() - 1).start() / 1000);
            json.writeEndObject();
            json.writeArrayFieldStart("days");
            LocalDate open = null;
            for (Beat beat : beats) {
                LocalDate date = Instant.ofEpochMilli(beat.start()).atZone(java.time.ZoneOffset.UTC).toLocalDate();
                if (!date.equals(open)) {
                    if (open != null) {
                        json.writeEndArray();
                        json.writeEndObject();
                    }
                    json.writeStartObject();
                    json.writeStringField("date", date.toString());
                    json.writeArrayFieldStart("heartbeats");
                    open = date;
                }
                heartbeat(json, beat);
            }
            if (open != null) {
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WakaTimeExport(out.toByteArray(), beats);
    }

    private static Category developerCategory(Random random, double progress) {
        double roll = random.nextDouble();
        if ((roll -= 0.55 * (1 - progress) + 0.1) < 0) {
            return Category.CODING;
        } else if ((roll -= 0.1) < 0) {
            return Category.DEBUGGING;
        } else if ((roll -= 0.05 + 0.5 * progress) < 0) {
            return Category.AI_CODING;
        } else if ((roll -= 0.05) < 0) {
            return Category.DOTFILES;
        }
        return Category.BROWSING;
    }

    private static void heartbeat(JsonGenerator json, Beat beat) throws IOException {
        boolean dotfiles = beat.category() == Category.DOTFILES;
        boolean browsing = beat.category() == Category.BROWSING;
        json.writeStartObject();
        json.writeStringField("id", java.util.UUID.nameUUIDFromBytes(Long.toString(beat.start()).getBytes()).toString());
        json.writeStringField("branch", "main");
        json.writeStringField("category", beat.category().wakaTime);
        json.writeStringField("entity", browsing ? "docs.python.org" : dotfiles ? "/home/dev/.zshrc"
                : "/home/dev/craftline/src/Report.java");
        json.writeStringField("type", browsing ? "domain" : "file");
        json.writeStringField("project", browsing ? null : dotfiles ? "dotfiles" : "craftline");
        json.writeStringField("language", browsing ? null : dotfiles ? "Shell" : "Java");
        json.writeBooleanField("is_write", beat.humanLines() + beat.aiLines() > 0);
        json.writeNumberField("time", beat.start() / 1000.0);
        json.writeNumberField("lines", 412);
        json.writeNumberField("lineno", 12);
        json.writeNullField("cursorpos");
        json.writeArrayFieldStart("dependencies");
        json.writeString("jakarta.ws.rs");
        json.writeEndArray();
        json.writeNumberField("ai_line_changes", beat.aiLines());
        json.writeNumberField("human_line_changes", beat.humanLines());
        json.writeStringField("machine_name_id", "c0ffee");
        json.writeStringField("user_agent_id", "agent");
        json.writeStringField("created_at", Instant.ofEpochMilli(beat.start()).toString());
        json.writeEndObject();
    }
}
