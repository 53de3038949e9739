package org.craftline.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.dropwizard.jackson.Jackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.craftline.db.WriteHook;
import org.craftline.imports.activitywatch.ActivityWatch;
import org.craftline.imports.capture.Capture;
import org.craftline.imports.capture.CaptureImports;
import org.craftline.imports.capture.CapturePlan;
import org.craftline.imports.capture.CaptureSource;
import org.craftline.imports.capture.CapturedDays;
import org.craftline.rules.RuleBook;
import org.craftline.rules.RuleSet;
import org.craftline.rules.Rules;
import org.craftline.task.TaskService;
import org.craftline.worker.Worker;
import org.jdbi.v3.core.Jdbi;

/**
 * Rin, a 3D artist who never types a step: her year comes in through the ActivityWatch import, as
 * a person's would. Her rules ({@link ArtistActivity#RULES}) are saved first, then a generated
 * export of her days ({@link ArtistActivity}: Blender and ZBrush until Midjourney v5, Discord,
 * Midjourney and Photoshop after) goes through the same reading, classifying and planning as
 * {@code POST /api/imports/activitywatch}.
 */
final class CapturedArtist {

    static final String HANDLE = "rin";
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final long SEED = 2023;

    private CapturedArtist() {
    }

    /** Imports Rin's days from {@code first} to {@code last}; the number of tasks it made. */
    static int seed(Jdbi jdbi, Clock clock, Worker rin, LocalDate first, LocalDate last) {
        RuleSet rules = rules();
        new Rules(jdbi, Jackson.newObjectMapper(), clock).replace(rin, rules, "*");
        Path file = null;
        try {
            file = Files.createTempFile("craftline-demo-activitywatch", ".json");
            try (OutputStream out = Files.newOutputStream(file)) {
                ArtistActivity.write(SEED, first, last, ZONE, CapturedArtist::progress, out);
            }
            Capture capture;
            try (InputStream in = Files.newInputStream(file)) {
                capture = ActivityWatch.read(in, ZONE, RuleBook.of(rules), new CapturedDays.Settings(120_000, 60_000,
                        false));
            }
            CaptureImports imports = new CaptureImports(jdbi, new TaskService(jdbi, clock), clock);
            CapturePlan plan = imports.plan(CaptureSource.ACTIVITYWATCH, rin, capture, false);
            return imports.write(plan, WriteHook.none()).size();
        } catch (IOException e) {
            throw new UncheckedIOException("the demo's ActivityWatch export could not be written or read", e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /** Before Midjourney v5 a little prompting; after it, mostly. */
    private static double progress(LocalDate date) {
        return date.isBefore(DemoStory.MIDJOURNEY_V5) ? 0.05 : 0.9;
    }

    private static RuleSet rules() {
        try {
            return Jackson.newObjectMapper().readValue(ArtistActivity.RULES, RuleSet.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the demo's rules no longer read as rules", e);
        }
    }
}
