package org.craftline.rules;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A worker's rules, in order: the first that matches wins. */
public record RuleSet(@NotNull @Size(max = RuleSet.MAX_RULES) List<@NotNull @Valid Rule> rules) {

    /** Enough for a tracker's worth of apps and sites; each rule is tried on every stretch of time imported. */
    public static final int MAX_RULES = 500;

    static final RuleSet NONE = new RuleSet(List.of());
}
