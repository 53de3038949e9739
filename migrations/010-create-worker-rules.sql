--liquibase formatted sql

--changeset craftline:010-create-worker-rules
-- A worker's rules for turning a tracker's records into steps (rules/): the ordered list as JSON,
-- as the worker last saved it, and its version for ETag and If-Match. No row: no rules yet.
CREATE TABLE worker_rules (
    worker_id  BIGINT                   NOT NULL,
    rules      ${text.type}             NOT NULL,
    version    INT                      NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT worker_rules_pk PRIMARY KEY (worker_id),
    CONSTRAINT worker_rules_worker_fk FOREIGN KEY (worker_id) REFERENCES workers (id)
);
