package org.craftline.imports;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * How imported rows become steps: which tags say CRAFT or EXECUTION, and which tags name a tool
 * (besides the tools the worker already used). Tags match case-insensitively.
 */
public class ImportsConfiguration {

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
    public List<String> getKnownTools() {
        return knownTools;
    }

    @JsonProperty
    public void setKnownTools(List<String> knownTools) {
        this.knownTools = knownTools;
    }
}
