--liquibase formatted sql

--changeset craftline:013-create-schema-fingerprint
-- The changelog this database was last brought up to date with (db/SchemaFingerprint): a SHA-256 of
-- the changelog and every file it includes, and how many changesets Liquibase had recorded then. A
-- start whose changelog has the same fingerprint, on a database with as many changesets recorded
-- and no migration under way, skips Liquibase's full check, which took a third of a start; any
-- other start runs Liquibase as before and records the fingerprint afterwards.
CREATE TABLE schema_fingerprint (
    id         INT         NOT NULL,
    sha256     VARCHAR(64) NOT NULL,
    changesets INT         NOT NULL,
    CONSTRAINT schema_fingerprint_pk PRIMARY KEY (id),
    CONSTRAINT schema_fingerprint_one_row CHECK (id = 1)
);
