--liquibase formatted sql

--changeset craftline:012-create-timers
-- A worker's running step timer (timer/): what they started and when, by the server's clock, so the
-- timer survives a reload and is the same on every device. One per worker; stopping it turns it
-- into a step and removes the row in the same transaction.
CREATE TABLE timers (
    worker_id  BIGINT                   NOT NULL,
    activity   VARCHAR(64)              NOT NULL,
    mode       VARCHAR(16)              NOT NULL,
    tool       VARCHAR(100),
    started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT timers_pk PRIMARY KEY (worker_id),
    CONSTRAINT timers_mode_known CHECK (mode IN ('CRAFT', 'EXECUTION')),
    CONSTRAINT timers_worker_fk FOREIGN KEY (worker_id) REFERENCES workers (id)
);
