--liquibase formatted sql

--changeset craftline:011-create-import-days
-- One row per task an activity tracker's day became (imports/capture/CaptureImports): the source
-- (activitywatch, wakatime), the origin (ActivityWatch's host; '' for WakaTime) and the day. A day
-- with a row is imported: importing an export again, or one that overlaps, leaves it alone, unless
-- replaceDays=true, which replaces exactly the tasks named here and never one logged by hand.
-- Kept when the task is later edited or deleted: a deleted import stays deleted.
CREATE TABLE import_days (
    worker_id   BIGINT                   NOT NULL,
    source      VARCHAR(16)              NOT NULL,
    origin      VARCHAR(255)             NOT NULL,
    work_date   DATE                     NOT NULL,
    -- Not a foreign key: the task may be deleted later.
    task_id     BIGINT                   NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT import_days_pk PRIMARY KEY (worker_id, source, origin, work_date, task_id),
    CONSTRAINT import_days_worker_fk FOREIGN KEY (worker_id) REFERENCES workers (id)
);
