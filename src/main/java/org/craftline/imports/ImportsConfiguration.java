package org.craftline.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * How imported rows become steps: which tags say CRAFT or EXECUTION, and which tags name a tool
 * (besides the tools the worker already used). Tags match case-insensitively. For the activity
 * trackers (ActivityWatch, WakaTime): how large an export may be, and how captured time becomes
 * runs; a request may set the last three for itself.
 */
public class ImportsConfiguration {

    /** A year of ActivityWatch is about 100 MB of JSON. */
    @Min(1)
    @Max(4096)
    private int maxCaptureMiB = 256;

    /** Gaps of at most this many seconds between two stretches of one activity are bridged into one step. */
    @Min(0)
    @Max(3600)
    private int bridgeSeconds = 120;

    /** A run of one activity shorter than this is left out (and counted), not a step. */
    @Min(30)
    @Max(3600)
    private int shortestRunSeconds = 60;

    /** WakaTime's own: a heartbeat lasts until the next one when that comes within this many minutes. */
    @Min(1)
    @Max(120)
    private int wakaTimeTimeoutMinutes = 15;

    @NotNull
    private List<String> craftTags = List.of("craft", "conception", "creative");

    @NotNull
    private List<String> executionTags = List.of("execution", "procedural", "routine");

    @NotNull
    private List<String> knownTools = List.of("Blender", "ZBrush", "Maya", "3ds Max", "Substance Painter",
            "Photoshop", "Illustrator", "Figma", "Unreal Engine", "Unity", "Midjourney", "Midjourney v5",
            "Stable Diffusion", "DALL-E", "Firefly", "ChatGPT", "Claude", "Copilot");

    @JsonProperty
    public List<String> getCraftTags() {
        return craftTags;
    }

    @JsonProperty
    public void setCraftTags(List<String> craftTags) {
        this.craftTags = craftTags;
    }

    @JsonProperty
    public List<String> getExecutionTags() {
        return executionTags;
    }

    @JsonProperty
    public void setExecutionTags(List<String> executionTags) {
        this.executionTags = executionTags;
    }

    @JsonProperty
    public int getMaxCaptureMiB() {
        return maxCaptureMiB;
    }

    @JsonProperty
    public void setMaxCaptureMiB(int maxCaptureMiB) {
        this.maxCaptureMiB = maxCaptureMiB;
    }

    public long maxCaptureBytes() {
        return maxCaptureMiB * 1024L * 1024L;
    }

    @JsonProperty
    public int getBridgeSeconds() {
        return bridgeSeconds;
    }

    @JsonProperty
    public void setBridgeSeconds(int bridgeSeconds) {
        this.bridgeSeconds = bridgeSeconds;
    }

    @JsonProperty
    public int getShortestRunSeconds() {
        return shortestRunSeconds;
    }

    @JsonProperty
    public void setShortestRunSeconds(int shortestRunSeconds) {
        this.shortestRunSeconds = shortestRunSeconds;
    }

    @JsonProperty
    public int getWakaTimeTimeoutMinutes() {
        return wakaTimeTimeoutMinutes;
    }

    @JsonProperty
    public void setWakaTimeTimeoutMinutes(int wakaTimeTimeoutMinutes) {
        this.wakaTimeTimeoutMinutes = wakaTimeTimeoutMinutes;
    }

    @JsonProperty
    public List<String> getKnownTools() {
        return knownTools;
    }

    @JsonProperty
    public void setKnownTools(List<String> knownTools) {
        this.knownTools = knownTools;
    }
}
