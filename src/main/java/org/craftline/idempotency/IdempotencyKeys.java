package org.craftline.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.craftline.access.Caller;
import org.craftline.db.Transactions;
import org.craftline.db.WriteHook;
import org.craftline.idempotency.IdempotencyDao.StoredKey;
import org.craftline.problem.ApiException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The Idempotency-Key header (IETF draft "The Idempotency-Key HTTP Header Field", as Stripe
 * practises it) for the routes that create: a retry with the same key and the same request gets
 * the first answer again and writes nothing.
 *
 * <ul>
 *   <li>A key belongs to the caller's scope: the worker the token belongs to, or the token itself
 *       for the bootstrap admin token. Another worker's identical key is another key.</li>
 *   <li>The key, a fingerprint of the route and request, and the answer are stored in the write's
 *       own transaction ({@link WriteHook}): the key exists exactly when the write committed.</li>
 *   <li>The same key with a different request: 422. While the first request with a key is still
 *       running on this instance: 409. (Across instances on one PostgreSQL, the second insert of
 *       the key waits for the first transaction and then replays its answer.)</li>
 *   <li>Keys expire after {@code idempotency.keyTtl} (24 hours by default): a use after that is a
 *       new request. Expired rows are purged hourly.</li>
 * </ul>
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** The header as the API reference explains it. */
    public static final String DESCRIPTION = "A key of your choosing (a UUID, say), 1 to 255 visible ASCII characters: "
            + "a retry with the same key and the same body gets the first answer again (marked Idempotent-Replayed) "
            + "and writes nothing; the same key with another body is refused (422), and so is a retry while the "
            + "first is still running (409). Keys are per worker and kept for the configured idempotency.keyTtl "
            + "(24 hours by default).";
    /** The draft's key is a string; we take 1 to 255 visible ASCII characters, quotes optional. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final Jdbi jdbi;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration ttl;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public IdempotencyKeys(Jdbi jdbi, ObjectMapper json, Clock clock, Duration ttl) {
        this.jdbi = jdbi;
        this.json = json;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * Runs {@code write} once per key and answers with what {@code answer} makes of its result, or,
     * for a retry, with the stored answer (marked {@code Idempotent-Replayed: true}). Without a
     * key the write simply runs.
     *
     * @param key         the header's value; null when the request has none
     * @param fingerprint what makes two requests the same one ({@link #fingerprint}); worked out only
     *                    for a request with a key, as writing a batch back as JSON to hash it is not free
     * @param write       the write, which must run the hook it is given in its transaction
     */
    public <T> Response once(Caller caller, String key, Supplier<String> fingerprint,
                             Function<T, StoredAnswer> answer, Function<WriteHook<T>, T> write) {
        String value = validKey(key);
        if (value == null) {
            return answer.apply(write.apply(WriteHook.none())).toResponse(false);
        }
        String scope = caller.person();
        String inFlight = scope + "\n" + value;
        if (!running.add(inFlight)) {
            throw ApiException.conflict("A request with this Idempotency-Key is still being processed; "
                    + "retry when it has finished to get its answer");
        }
        try {
            Recorder<T> recorder = new Recorder<>(scope, value, fingerprint.get(), answer);
            // The recorder keeps the answer the write's hook stored; the write's own result is in it.
            var unused = write.apply(recorder);
            return recorder.answer.toResponse(false);
        } catch (Replay replay) {
            return replay.answer.toResponse(true);
        } finally {
            running.remove(inFlight);
        }
    }

    /** SHA-256 of the route and the request as the server read it: key order and spacing do not count. */
    public String fingerprint(String route, Object request) {
        try {
            return fingerprint(route, json.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a request read from JSON writes back as JSON", e);
        }
    }

    /** SHA-256 of the route and the request's bytes, for bodies that are not JSON (an import's CSV digest). */
    public static String fingerprint(String route, byte[] request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(route.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            return HexFormat.of().formatHex(digest.digest(request));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The body as the first answer and every replay send it. */
    public String body(Object entity) {
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an answer as JSON", e);
        }
    }

    /** Removes expired keys; run hourly. */
    public int purgeExpired() {
        return Transactions.write(jdbi, IdempotencyDao.class, keys -> keys.purgeExpired(clock.instant()));
    }

    private static String validKey(String header) {
        // Only an absent header is no key: an empty or blank one is a malformed key, refused like any other.
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!KEY.matcher(value).matches()) {
            throw ApiException.badParameter(HEADER, "must be 1 to 255 visible ASCII characters, such as a UUID");
        }
        return value;
    }

    /** Checks the key before the write and stores it with the answer after, in the write's transaction. */
    private final class Recorder<T> implements WriteHook<T> {
        private final String scope;
        private final String key;
        private final String fingerprint;
        private final Function<T, StoredAnswer> answerOf;
        private StoredAnswer answer;

        Recorder(String scope, String key, String fingerprint, Function<T, StoredAnswer> answerOf) {
            this.scope = scope;
            this.key = key;
            this.fingerprint = fingerprint;
            this.answerOf = answerOf;
        }

        @Override
        public void before(Handle handle) {
            IdempotencyDao keys = handle.attach(IdempotencyDao.class);
            StoredKey stored = keys.find(scope, key).orElse(null);
            if (stored == null) {
                return;
            }
            if (!stored.expiresAt().isAfter(clock.instant())) {
                keys.delete(scope, key);
                return;
            }
            if (!stored.fingerprint().equals(fingerprint)) {
                throw ApiException.unprocessable(HEADER, "was already used for a different request; "
                        + "send a new key with a new request");
            }
            throw new Replay(stored.answer());
        }

        @Override
        public void after(Handle handle, T result) {
            answer = answerOf.apply(result);
            Instant now = clock.instant();
            handle.attach(IdempotencyDao.class).insert(scope, key, fingerprint, answer, now, now.plus(ttl));
        }
    }

    /** Leaves the write's transaction, which then rolls back: the key was used before, with this request. */
    private static final class Replay extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient StoredAnswer answer;

        Replay(StoredAnswer answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }
}
