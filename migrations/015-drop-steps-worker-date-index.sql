--liquibase formatted sql

--changeset craftline:015-drop-steps-worker-date-index
-- steps_worker_date (worker_id, work_date) was for reports aggregating a worker's steps; they read
-- the rollups since 005, and the one query left that looks steps up by worker and day (a day's
-- steps read back when a write changes it) goes through tasks_worker_date and the steps' primary
-- key. Kept, it was the one B-tree of steps ordered by worker: every write of many workers' days
-- rewrote a page of it per worker (issue 26).
DROP INDEX steps_worker_date;
