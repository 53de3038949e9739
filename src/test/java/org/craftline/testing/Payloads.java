package org.craftline.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies for tests, as maps so a test can break any part of them. */
public final class Payloads {

    private Payloads() {
    }

    /** A tracker's export from {@code src/test/resources/imports/}, as the bytes an import posts. */
    public static byte[] trackerExport(String name) {
        try (InputStream in = Payloads.class.getResourceAsStream("/imports/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test export " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> worker(String handle) {
        Map<String, Object> worker = new LinkedHashMap<>();
        worker.put("handle", handle);
        worker.put("displayName", "Test " + handle);
        worker.put("occupation", "Video game 3D environment artist");
        worker.put("onetSoc", "27-1014.00");
        worker.put("team", "environment-art");
        return worker;
    }

    public static Map<String, Object> step(String activity, int minutes, String mode) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("activity", activity);
        step.put("minutes", minutes);
        step.put("mode", mode);
        return step;
    }

    @SafeVarargs
    public static Map<String, Object> task(String worker, String date, Map<String, Object>... steps) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("worker", worker);
        task.put("date", date);
        task.put("title", "Rock kit for level 3");
        task.put("notes", "cliffs and boulders");
        task.put("steps", new ArrayList<>(Arrays.asList(steps)));
        return task;
    }

    /** A valid task: 60 minutes of CRAFT sculpting and 30 of EXECUTION retopology. */
    public static Map<String, Object> task(String worker, String date) {
        return task(worker, date, step("sculpt", 60, "CRAFT"), step("retopo", 30, "EXECUTION"));
    }

    public static Map<String, Object> event(String worker, String date, String label) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("worker", worker);
        event.put("date", date);
        event.put("label", label);
        event.put("tool", "Midjourney v5");
        return event;
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> steps(Map<String, Object> task) {
        return (List<Map<String, Object>>) task.get("steps");
    }
}
