package org.craftline.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.craftline.step.Discretion;
import org.craftline.step.Mediation;
import org.craftline.step.Mode;

/**
 * One rule of a worker's: when every pattern in {@code when} is found in its field (a search, not a
 * full match; case does not matter unless {@code caseSensitive}), the time becomes a step of
 * {@code activity} in {@code mode}, with the optional tool, discretion and mediation, or, with
 * {@code ignore}, is left out. {@link RuleChecks} holds what the annotations cannot say.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rule(
        @NotNull Map<String, String> when,
        @Size(max = 64) String activity,
        Mode mode,
        @Size(max = 100) String tool,
        Discretion discretion,
        Mediation mediation,
        Boolean ignore,
        Boolean caseSensitive) {

    /** Whether the rule leaves the time it matches out. */
    public boolean ignores() {
        return Boolean.TRUE.equals(ignore);
    }

    boolean isCaseSensitive() {
        return Boolean.TRUE.equals(caseSensitive);
    }
}
