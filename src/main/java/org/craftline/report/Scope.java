package org.craftline.report;

import java.util.Map;

/**
 * Whose steps a report reads: one worker's, or every worker's in a team. Each is a fixed SQL
 * condition on a steps table alias, with its bound value.
 */
record Scope(String workerCondition, Map<String, Object> bindings) {

    static Scope worker(long workerId) {
        return new Scope("%s.worker_id = :scopeWorker", Map.of("scopeWorker", workerId));
    }

    static Scope team(String team) {
        return new Scope("%s.worker_id IN (SELECT w.id FROM workers w WHERE w.team = :scopeTeam)",
                Map.of("scopeTeam", team));
    }

    /** The condition on the steps table known in the query as {@code alias}. */
    String on(String alias) {
        return workerCondition.formatted(alias);
    }
}
