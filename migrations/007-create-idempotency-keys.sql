--liquibase formatted sql

--changeset craftline:007-create-idempotency-keys
-- Idempotency-Key (IETF draft "The Idempotency-Key HTTP Header Field"): the first request with a
-- key writes its row here in the same transaction as its write, with the answer it got; a retry
-- with the same key and the same request gets that answer again and writes nothing
-- (idempotency/IdempotencyKeys). Keys are scoped to the caller: the worker a token belongs to, or
-- the token itself for the bootstrap admin token, which belongs to no worker.
CREATE TABLE idempotency_keys (
    scope       VARCHAR(40)  NOT NULL,
    idem_key    VARCHAR(255) NOT NULL,
    -- SHA-256 of the route and the request, hex: the same key with another request is refused.
    fingerprint CHAR(64)     NOT NULL,
    status      INTEGER      NOT NULL,
    location    VARCHAR(200),
    etag        VARCHAR(40),
    body        ${text.type} NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_keys_pk PRIMARY KEY (scope, idem_key)
);

-- The hourly purge of expired keys.
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
