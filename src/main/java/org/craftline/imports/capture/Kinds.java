package org.craftline.imports.capture;

import java.util.Map;
import java.util.Optional;
import org.craftline.rules.Rule;

/** What a source's spans were: the worker's rule each kind meets, and how a person would write a rule for it. */
public interface Kinds {

    /** The first rule that matches kind {@code what}, or empty: unclassified. */
    Optional<Rule> rule(int what);

    /** The values a rule would match kind {@code what} on, by {@link org.craftline.rules.RuleField#key()}. */
    Map<String, String> describe(int what);
}
