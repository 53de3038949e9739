package org.craftline.report;

import java.util.Map;

/**
 * Whose days a report reads: one worker's, or every worker's in a team. Each is a fixed SQL
 * condition with its bound value, put into the report's queries at {@code <scope>}. The column is
 * left unqualified on purpose: SQL resolves it against the nearest table that has it, so one
 * condition serves a query and its correlated subquery alike.
 */
record Scope(String condition, Map<String, Object> bindings) {

    static Scope worker(long workerId) {
        return new Scope("worker_id = :scopeWorker", Map.of("scopeWorker", workerId));
    }

    static Scope team(String team) {
        return new Scope("worker_id IN (SELECT w.id FROM workers w WHERE w.team = :scopeTeam)",
                Map.of("scopeTeam", team));
    }
}
