package org.craftline.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.craftline.testing.Http;
import org.craftline.testing.Payloads;
import org.craftline.testing.TestApp;

/**
 * A team of workers made through the API, an analyst to read its reports, and a way to log their
 * work: what every team report test starts from.
 */
final class TeamFixture {

    final Http admin;
    final Http analyst;
    final String team;
    final List<String> members = new ArrayList<>();

    TeamFixture(Http admin, int size) {
        this.admin = admin;
        this.team = TestApp.uniqueHandle("team");
        for (int i = 0; i < size; i++) {
            join();
        }
        String researcher = TestApp.uniqueHandle("researcher");
        TestApp.createWorker(admin, researcher);
        this.analyst = TestApp.signedIn(admin, researcher, "ANALYST");
    }

    /** A new member of the team; returns their handle. */
    String join() {
        String handle = TestApp.uniqueHandle("m" + members.size());
        Map<String, Object> worker = Payloads.worker(handle);
        worker.put("team", team);
        TestApp.createWorker(admin, worker);
        members.add(handle);
        return handle;
    }

    /** Logs a task of {@code steps} for {@code worker} on {@code date}, insisting on the 201; returns its id. */
    @SafeVarargs
    final long log(String worker, String date, Map<String, Object>... steps) {
        Http.Reply reply = admin.post("/api/tasks", Http.json(Payloads.task(worker, date, steps)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asLong();
    }

    /** A step with a tool. */
    static Map<String, Object> step(String activity, int minutes, String mode, String tool) {
        Map<String, Object> step = Payloads.step(activity, minutes, mode);
        step.put("tool", tool);
        return step;
    }

    /** The team's report over {@code from}..{@code to} as the analyst reads it, in {@code format}. */
    Http.Reply report(String from, String to, String bucket, String format) {
        Http.Reply reply = analyst.get("/api/reports/deskilling?team=" + team + "&from=" + from + "&to=" + to
                + "&bucket=" + bucket + "&format=" + format);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    List<String> members(int... indexes) {
        return Arrays.stream(indexes).mapToObj(members::get).toList();
    }
}
