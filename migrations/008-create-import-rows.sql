--liquibase formatted sql

--changeset craftline:008-create-import-rows
-- One row per time-tracker row imported (imports/ImportService): a fingerprint of what the row
-- says (its day, times, duration, project, task, description and tags), so importing the same file
-- again, or an export that overlaps an earlier one, creates nothing for rows already imported.
-- Kept when the task is later edited or deleted: a deleted import stays deleted.
CREATE TABLE import_rows (
    worker_id   BIGINT   NOT NULL,
    -- The first 128 bits of the row's SHA-256, as a UUID: 16 bytes in both databases.
    fingerprint UUID     NOT NULL,
    -- The task the row became a step of (not a foreign key: the task may be deleted later).
    task_id     BIGINT   NOT NULL,
    source      VARCHAR(16) NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT import_rows_pk PRIMARY KEY (worker_id, fingerprint),
    CONSTRAINT import_rows_worker_fk FOREIGN KEY (worker_id) REFERENCES workers (id)
);
