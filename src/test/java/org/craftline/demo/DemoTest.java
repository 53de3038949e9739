package org.craftline.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.craftline.CraftlineConfiguration;
import org.craftline.db.SqlObjects;
import org.craftline.db.WritesOnlyInTransactions;
import org.craftline.testing.Http;
import org.craftline.testing.TestApp;
import org.craftline.values.Clocks;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo, seeded into a real database and read back through the API: does the report tell the
 * story? The middle of the year is enough to prove it (14 weeks either side of Midjourney v5,
 * more than the 12-week event window and the 12 periods compared below) at half the cost.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class DemoTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();
    static final LocalDate FIRST = LocalDate.parse("2022-12-05");
    static final LocalDate LAST = LocalDate.parse("2023-06-25");
    static final String RANGE = "&from=" + FIRST + "&to=" + LAST;

    static DemoSeeder.Outcome firstRun;
    static Http admin;

    @BeforeAll
    static void seed() {
        firstRun = seeder().seed(FIRST, LAST);
        admin = TestApp.admin(APP);
    }

    private static DemoSeeder seeder() {
        // Guarded as the demo command's Jdbi is: its writes must go through the one transaction runner.
        Jdbi jdbi = WritesOnlyInTransactions.installOn(SqlObjects.install(TestApp.jdbi(APP.getConfiguration())));
        return new DemoSeeder(jdbi, Clocks.system());
    }

    private static JsonNode samsReport() {
        Http.Reply reply = admin.get("/api/reports/deskilling?worker=sam" + RANGE);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** The mean of a figure over the first or the last {@code count} periods that have it. */
    private static double mean(JsonNode series, String figure, boolean first, int count) {
        List<Double> values = new ArrayList<>();
        series.forEach(period -> {
            if (!period.path(figure).isNull()) {
                values.add(period.path(figure).asDouble());
            }
        });
        List<Double> part = first ? values.subList(0, count) : values.subList(values.size() - count, values.size());
        return part.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Test
    void seedsTheWholeTeam() {
        assertThat(firstRun.seeded()).contains("sam").hasSizeGreaterThanOrEqualTo(6);
        assertThat(firstRun.skipped()).isEmpty();
    }

    @Test
    void samsReport_findsDeskillingAtMidjourneyV5() {
        JsonNode report = samsReport();

        assertThat(report.path("trend").path("verdict").asText()).isEqualTo("DESKILLING");
        assertThat(report.path("changePoints").findValuesAsText("start")).anySatisfy(start ->
                assertThat(Math.abs(ChronoUnit.DAYS.between(DemoStory.MIDJOURNEY_V5, LocalDate.parse(start))))
                        .isLessThanOrEqualTo(14));
        JsonNode adoption = null;
        for (JsonNode event : report.path("events")) {
            if (event.path("label").asText().equals("adopted Midjourney v5")) {
                adoption = event;
            }
        }
        assertThat(adoption).isNotNull();
        assertThat(adoption.path("difference").asDouble()).isNegative();
        assertThat(adoption.path("ciLow").asDouble()).isNegative();
        assertThat(adoption.path("ciHigh").asDouble()).as("the interval excludes 0").isNegative();
    }

    @Test
    void samsWork_becomesAtomized() {
        JsonNode series = samsReport().path("series");

        assertThat(mean(series, "meanStepMinutes", false, 12)).isLessThan(mean(series, "meanStepMinutes", true, 12));
        assertThat(mean(series, "repertoire", false, 12)).isLessThan(mean(series, "repertoire", true, 12));
        assertThat(mean(series, "repetitionShare", false, 12)).isGreaterThan(mean(series, "repetitionShare", true, 12));
        assertThat(mean(series, "generatedShare", false, 12)).isGreaterThan(mean(series, "generatedShare", true, 12));
    }

    @Test
    void rinsYear_cameThroughTheActivityWatchImport_byHerRules_andShowsTheShift() {
        Http.Reply reply = admin.get("/api/reports/deskilling?worker=" + CapturedArtist.HANDLE + RANGE);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().path("trend").path("verdict").asText()).isEqualTo("DESKILLING");
        JsonNode series = reply.json().path("series");
        assertThat(mean(series, "craftShare", false, 8)).isLessThan(mean(series, "craftShare", true, 8) - 0.3);
        JsonNode tasks = admin.get("/api/export?worker=" + CapturedArtist.HANDLE).json().path("tasks");
        assertThat(tasks.size()).isGreaterThan(100);
        assertThat(tasks.findValuesAsText("title")).containsOnly("ActivityWatch, studio");
        assertThat(tasks.findValuesAsText("activity")).contains("sculpt", "prompt", "paint-over");
        assertThat(admin.get("/api/workers/" + CapturedArtist.HANDLE + "/rules").json().path("rules").size())
                .isPositive();
    }

    @Test
    void teamReport_isMostlyVisibleToAnAnalyst() {
        String researcher = TestApp.uniqueHandle("researcher");
        TestApp.createWorker(admin, researcher);
        Http analyst = TestApp.signedIn(admin, researcher, "ANALYST");

        JsonNode series = analyst.get("/api/reports/deskilling?team=" + DemoStory.TEAM + RANGE).json().path("series");

        long shown = 0;
        for (JsonNode period : series) {
            shown += period.path("suppressed").asBoolean() ? 0 : 1;
        }
        assertThat(shown).isGreaterThan(series.size() / 2);
    }

    @Test
    void secondRun_addsNothing() {
        long before = samsReport().path("series").findValues("totalMinutes").stream().mapToLong(JsonNode::asLong).sum();

        DemoSeeder.Outcome again = seeder().seed(FIRST, LAST);

        assertThat(again.seeded()).isEmpty();
        assertThat(again.tasks()).isZero();
        assertThat(again.skipped()).containsAll(firstRun.seeded());
        long after = samsReport().path("series").findValues("totalMinutes").stream().mapToLong(JsonNode::asLong).sum();
        assertThat(after).isEqualTo(before);
    }
}
