package org.craftline.imports.activitywatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.craftline.imports.capture.Texts;
import org.craftline.problem.ApiException;
import org.craftline.testing.NoDatabase;
import org.junit.jupiter.api.Test;

/** An ActivityWatch export read and turned into one host's focused time. */
@NoDatabase
class TimelineTest {

    /** A morning on "studio": what each watcher recorded, newest first as ActivityWatch exports it. */
    static final String EXPORT = """
            {"buckets": {
              "aw-watcher-window_studio": {"id": "aw-watcher-window_studio", "type": "currentwindow",
                "client": "aw-watcher-window", "hostname": "studio", "created": "2023-03-01T08:00:00+00:00",
                "metadata": {"start": null, "end": null}, "last_updated": "2023-03-14T11:10:00Z",
                "events": [
                  {"timestamp": "2023-03-14T10:30:00+00:00", "duration": 2400.0, "data": {"app": "ZBrush", "title": "head.ZPR"}},
                  {"timestamp": "2023-03-14T09:40:00Z", "duration": 2400, "data": {"app": "Firefox", "title": "Mozilla Firefox"}},
                  {"timestamp": "2023-03-14T09:20:00Z", "duration": 600, "data": {"app": "Blender", "title": "again, overlapping"}},
                  {"id": 7, "timestamp": "2023-03-14T09:00:00.000+00:00", "duration": 2400, "data": {"app": "Blender", "title": "rig.blend"}},
                  {"timestamp": "2023-03-14T08:59:00Z", "duration": -3, "data": {"app": "Slack"}},
                  {"timestamp": "2023-03-14T08:58:00Z", "duration": 30, "data": {}}
                ]},
              "aw-watcher-afk_studio": {"id": "aw-watcher-afk_studio", "type": "afkstatus", "client": "aw-watcher-afk",
                "hostname": "studio", "events": [
                  {"timestamp": "2023-03-14T10:30:00Z", "duration": 1800, "data": {"status": "not-afk"}},
                  {"timestamp": "2023-03-14T10:00:00Z", "duration": 1800, "data": {"status": "afk"}},
                  {"timestamp": "2023-03-14T09:00:00Z", "duration": 3600, "data": {"status": "not-afk"}}
                ]},
              "aw-watcher-afk_laptop": {"id": "aw-watcher-afk_laptop", "type": "afkstatus", "client": "aw-watcher-afk",
                "hostname": "laptop", "events": [
                  {"timestamp": "2023-03-14T10:00:00Z", "duration": 1800, "data": {"status": "not-afk"}}
                ]},
              "aw-watcher-web-firefox": {"id": "aw-watcher-web-firefox", "type": "web.tab.current", "client": "aw-client-web",
                "hostname": "unknown", "events": [
                  {"timestamp": "2023-03-14T09:45:00Z", "duration": 600,
                   "data": {"url": "https://www.midjourney.com/imagine", "title": "Midjourney", "audible": false, "incognito": false}}
                ]}
            }}""";

    private static List<AwExport.Bucket> read(String json, Texts texts) {
        return AwExport.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), texts);
    }

    private static String describe(Timeline.Stretch stretch, Texts texts) {
        return Instant.ofEpochMilli(stretch.start()).toString().substring(11, 16) + "-"
                + Instant.ofEpochMilli(stretch.end()).toString().substring(11, 16) + " " + texts.text(stretch.app())
                + " | " + texts.text(stretch.title()) + " | " + texts.text(stretch.url());
    }

    @Test
    void windowTime_countsOnlyWhileNotAfk_onceWhereEventsOverlap_refinedByTheTabInABrowser() {
        Texts texts = new Texts();
        List<Timeline.Stretch> stretches = Timeline.of("studio", read(EXPORT, texts), texts);

        assertThat(stretches).map(stretch -> describe(stretch, texts)).containsExactly(
                "09:00-09:40 Blender | rig.blend | null",
                "09:40-09:45 Firefox | Mozilla Firefox | null",
                "09:45-09:55 Firefox | Midjourney | https://www.midjourney.com/imagine",
                "09:55-10:00 Firefox | Mozilla Firefox | null",
                "10:30-11:00 ZBrush | head.ZPR | null");
    }

    @Test
    void aHostWithoutAnAfkBucket_countsAllItsWindowTime() {
        Texts texts = new Texts();
        String noAfk = EXPORT.replace("\"hostname\": \"studio\", \"events\"", "\"hostname\": \"elsewhere\", \"events\"");

        long seconds = Timeline.of("studio", read(noAfk, texts), texts).stream()
                .mapToLong(Timeline.Stretch::millis).sum() / 1000;

        // 30 s without data, then Blender, Firefox and ZBrush 40 min each; the overlapping Blender
        // event adds no time, Slack's negative duration none.
        assertThat(seconds).isEqualTo(30 + 3 * 40 * 60);
    }

    @Test
    void whatIsNotAnExport_isRefused_namingWhere() {
        assertThatThrownBy(() -> read("{\"other\": 1}", new Texts())).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.problem().errors()).extracting("field").containsExactly("buckets"));
        assertThatThrownBy(() -> read(EXPORT.replace("2023-03-14T09:40:00Z", "yesterday"), new Texts()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().errors()).extracting("field")
                        .containsExactly("buckets.aw-watcher-window_studio.events[1].timestamp"));
        assertThatThrownBy(() -> read(EXPORT.replace("\"duration\": 2400,", "\"duration\": \"long\","), new Texts()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problem().errors()).extracting("field")
                        .containsExactly("buckets.aw-watcher-window_studio.events[1].duration"));
        assertThatThrownBy(() -> read("{\"buckets\": {\"a\": {\"type\": \"x\"}", new Texts()))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void browsers_areKnownByTheirAppName() {
        assertThat(List.of("Google Chrome", "firefox.exe", "Microsoft Edge", "msedge.exe", "Arc", "Safari"))
                .allMatch(Timeline::isBrowser);
        assertThat(List.of("Archive Utility", "Knowledge", "Blender", "cooperate")).noneMatch(Timeline::isBrowser);
    }
}
