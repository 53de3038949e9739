package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.craftline.testing.Payloads.step;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.craftline.CraftlineConfiguration;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.TestApp;
import org.craftline.report.stats.Holm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Events each on their own ground, through the API: windows stop at the neighbouring
 * event, events in one week share its windows, and the intervals and p-values allow for the
 * number of events compared.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EventWindowsTest {

    static final DropwizardAppExtension<CraftlineConfiguration> APP = TestApp.extension();
    static final LocalDate FIRST_MONDAY = LocalDate.parse("2024-01-01");
    /** Ten weeks' wobble around each level, so that every window has a spread. */
    static final int[] WOBBLE = {0, 30, -20, 10, -10, 20, -30, 0, 15, -15};

    private final Http http = TestApp.admin(APP);

    /** 30 weeks of 600 minutes: craft 420 for weeks 0-9, 300 for 10-19, 180 for 20-29, each with the wobble. */
    private List<Double> logThreeLevels(String worker) {
        List<Double> shares = new ArrayList<>();
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int week = 0; week < 30; week++) {
            int craft = 420 - 120 * (week / 10) + WOBBLE[week % 10];
            shares.add(craft / 600.0);
            tasks.add(Payloads.task(worker, FIRST_MONDAY.plusWeeks(week).toString(), step("design", craft, "CRAFT"),
                    step("production", 600 - craft, "EXECUTION")));
        }
        Http.Reply reply = http.post("/api/tasks/batch", Http.json(Map.of("tasks", tasks)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return shares;
    }

    private void event(String worker, LocalDate date, String label) {
        assertThat(http.post("/api/events", Http.json(Payloads.event(worker, date.toString(), label))).status())
                .isEqualTo(201);
    }

    private JsonNode events(String worker) {
        return events(worker, 12);
    }

    private JsonNode events(String worker, int window) {
        Http.Reply reply = http.get("/api/reports/deskilling?worker=" + worker + "&from=" + FIRST_MONDAY + "&to="
                + FIRST_MONDAY.plusWeeks(30).minusDays(1) + "&bucket=week&window=" + window);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().path("events");
    }

    private static double mean(List<Double> shares, int from, int to) {
        return shares.subList(from, to).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    @Test
    void windowsStopAtTheNeighbouringEvent_andAWeeksEventsShareTheirWindows() {
        String worker = TestApp.uniqueHandle("windows");
        TestApp.createWorker(http, worker);
        List<Double> shares = logThreeLevels(worker);
        event(worker, FIRST_MONDAY.plusWeeks(10), "first brief cut");
        event(worker, FIRST_MONDAY.plusWeeks(20), "generator adopted");
        event(worker, FIRST_MONDAY.plusWeeks(20).plusDays(2), "templates imposed");

        JsonNode events = events(worker);

        assertThat(events).hasSize(3);
        JsonNode first = events.get(0);
        // Before: weeks 0-9 (the range starts there); after: weeks 11-19, stopping at week 20's events.
        assertThat(first.path("periodsBefore").asInt()).isEqualTo(10);
        assertThat(first.path("periodsAfter").asInt()).isEqualTo(9);
        assertThat(first.path("shareBefore").asDouble()).isCloseTo(mean(shares, 0, 10), within(1e-12));
        assertThat(first.path("shareAfter").asDouble()).isCloseTo(mean(shares, 11, 20), within(1e-12));
        for (JsonNode later : List.of(events.get(1), events.get(2))) {
            assertThat(later.path("periodsBefore").asInt()).as("stops after week 10's event").isEqualTo(9);
            assertThat(later.path("periodsAfter").asInt()).isEqualTo(9);
            assertThat(later.path("shareBefore").asDouble()).isCloseTo(mean(shares, 11, 20), within(1e-12));
            assertThat(later.path("difference").asDouble()).isCloseTo(mean(shares, 21, 30) - mean(shares, 11, 20),
                    within(1e-12));
        }
    }

    @Test
    void severalEvents_getBonferroniIntervals_andHolmPValues() {
        String alone = TestApp.uniqueHandle("alone");
        TestApp.createWorker(http, alone);
        logThreeLevels(alone);
        event(alone, FIRST_MONDAY.plusWeeks(20), "generator adopted");
        String three = TestApp.uniqueHandle("three");
        TestApp.createWorker(http, three);
        logThreeLevels(three);
        event(three, FIRST_MONDAY.plusWeeks(5), "new lead");
        event(three, FIRST_MONDAY.plusWeeks(10), "first brief cut");
        event(three, FIRST_MONDAY.plusWeeks(20), "generator adopted");

        // A window of 9 weeks: alone, the event compares weeks 11-19 with 21-29, as it does among three.
        JsonNode one = events(alone, 9).get(0);
        JsonNode many = events(three);

        assertThat(one.path("confidenceLevel").asDouble()).isEqualTo(0.95);
        assertThat(one.path("adjustedPValue").asDouble()).isEqualTo(one.path("pValue").asDouble());
        assertThat(many).hasSize(3);
        double[] p = new double[3];
        for (int e = 0; e < 3; e++) {
            JsonNode event = many.get(e);
            assertThat(event.path("adjustment").asText()).isEqualTo("holm/bonferroni");
            assertThat(event.path("confidenceLevel").asDouble()).isCloseTo(1 - 0.05 / 3, within(1e-12));
            assertThat(event.path("ciLow").asDouble()).isLessThan(event.path("difference").asDouble());
            assertThat(event.path("ciHigh").asDouble()).isGreaterThan(event.path("difference").asDouble());
            assertThat(event.path("detectableDifference").asDouble()).isPositive();
            p[e] = event.path("pValue").asDouble();
        }
        double[] holm = Holm.adjust(p);
        for (int e = 0; e < 3; e++) {
            assertThat(many.get(e).path("adjustedPValue").asDouble()).isCloseTo(holm[e], within(1e-12));
        }
        // The same windows (weeks 11-19 against 21-29), compared among three: a wider interval.
        JsonNode same = many.get(2);
        assertThat(same.path("difference").asDouble()).isCloseTo(one.path("difference").asDouble(), within(1e-12));
        assertThat(same.path("ciHigh").asDouble() - same.path("ciLow").asDouble())
                .isGreaterThan(one.path("ciHigh").asDouble() - one.path("ciLow").asDouble());
    }

    @Test
    void anEventWithTooFewWeeksOnASide_isNotCompared_andNotCounted() {
        String worker = TestApp.uniqueHandle("edge");
        TestApp.createWorker(http, worker);
        logThreeLevels(worker);
        event(worker, FIRST_MONDAY.plusWeeks(1), "second week");
        event(worker, FIRST_MONDAY.plusWeeks(20), "generator adopted");

        JsonNode events = events(worker);

        JsonNode early = events.get(0);
        assertThat(early.path("periodsBefore").asInt()).isEqualTo(1);
        assertThat(early.path("ciLow").isNull()).isTrue();
        assertThat(early.path("pValue").isNull()).isTrue();
        assertThat(early.path("adjustedPValue").isNull()).isTrue();
        assertThat(early.path("detectableDifference").isNull()).isTrue();
        assertThat(events.get(1).path("confidenceLevel").asDouble()).as("one comparison made").isEqualTo(0.95);
    }
}
