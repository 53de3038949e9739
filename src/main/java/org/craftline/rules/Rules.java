package org.craftline.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;
import org.craftline.db.Transactions;
import org.craftline.http.ETags;
import org.craftline.worker.Worker;
import org.craftline.worker.WorkerDao;
import org.jdbi.v3.core.Jdbi;

/** A worker's rules: read, replaced whole (as the version the client last read), compiled for an import. */
public final class Rules {

    /** The rules and their version; version 0 before the first save. */
    public record Versioned(RuleSet rules, int version) {
    }

    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final Clock clock;

    public Rules(Jdbi jdbi, ObjectMapper json, Clock clock) {
        this.jdbi = jdbi;
        this.json = json;
        this.clock = clock;
    }

    public Versioned read(Worker worker) {
        return jdbi.onDemand(RuleDao.class).find(worker.id())
                .map(stored -> new Versioned(parse(stored.rules()), stored.version()))
                .orElse(new Versioned(RuleSet.NONE, 0));
    }

    /**
     * Replaces the worker's rules when {@code ifMatch} names their current version (or is {@code *});
     * 422 naming each wrong rule, 412 when someone saved them since the client read them.
     */
    public Versioned replace(Worker worker, RuleSet rules, String ifMatch) {
        RuleBook.of(rules);
        String text = write(rules);
        return Transactions.write(jdbi, handle -> {
            // Two saves of one worker's rules take turns: the second sees the first's version.
            handle.attach(WorkerDao.class).lockWorker(worker.id());
            RuleDao stored = handle.attach(RuleDao.class);
            Optional<RuleDao.StoredRules> current = stored.find(worker.id());
            int version = current.map(RuleDao.StoredRules::version).orElse(0);
            ETags.check(ifMatch, version, worker.handle() + "'s rules");
            if (current.isPresent()) {
                stored.update(worker.id(), text, clock.instant());
            } else {
                stored.insert(worker.id(), text, clock.instant());
            }
            return new Versioned(rules, version + 1);
        });
    }

    private RuleSet parse(String text) {
        try {
            return json.readValue(text, RuleSet.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("stored rules no longer read as rules", e);
        }
    }

    private String write(RuleSet rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
