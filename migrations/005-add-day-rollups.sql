--liquibase formatted sql

--changeset craftline:005-add-day-rollups
-- Everything the report needs per worker and day, kept by every task write in the same transaction
-- (task/WorkerDayLedger), so that a report reads one row per worker-day, never the steps.
ALTER TABLE worker_days ADD COLUMN mediation_none_minutes INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE worker_days ADD COLUMN mediation_assisted_minutes INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE worker_days ADD COLUMN mediation_generated_minutes INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE worker_days ADD COLUMN discretion_self_minutes INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE worker_days ADD COLUMN discretion_within_spec_minutes INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE worker_days ADD COLUMN discretion_prescribed_minutes INTEGER DEFAULT 0 NOT NULL;
-- The fragmentation measures' parts: steps, minutes in steps whose activity already occurred
-- earlier that day (steps in task, then position order), distinct activities, and the Shannon
-- entropy (natural log) of the day's time shares over activities.
ALTER TABLE worker_days ADD COLUMN step_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE worker_days ADD COLUMN repeated_minutes INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE worker_days ADD COLUMN activity_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE worker_days ADD COLUMN entropy DOUBLE PRECISION DEFAULT 0 NOT NULL;

MERGE INTO worker_days d
USING (
    SELECT worker_id, work_date,
           SUM(CASE WHEN mediation = 'NONE' THEN minutes ELSE 0 END) AS mediation_none_minutes,
           SUM(CASE WHEN mediation = 'ASSISTED' THEN minutes ELSE 0 END) AS mediation_assisted_minutes,
           SUM(CASE WHEN mediation = 'GENERATED' THEN minutes ELSE 0 END) AS mediation_generated_minutes,
           SUM(CASE WHEN discretion = 'SELF' THEN minutes ELSE 0 END) AS discretion_self_minutes,
           SUM(CASE WHEN discretion = 'WITHIN_SPEC' THEN minutes ELSE 0 END) AS discretion_within_spec_minutes,
           SUM(CASE WHEN discretion = 'PRESCRIBED' THEN minutes ELSE 0 END) AS discretion_prescribed_minutes,
           COUNT(*) AS step_count,
           SUM(CASE WHEN occurrence > 1 THEN minutes ELSE 0 END) AS repeated_minutes,
           SUM(CASE WHEN occurrence = 1 THEN 1 ELSE 0 END) AS activity_count,
           SUM(CASE WHEN occurrence = 1
                    THEN -(CAST(activity_minutes AS DOUBLE PRECISION) / day_minutes)
                         * LN(CAST(activity_minutes AS DOUBLE PRECISION) / day_minutes)
                    ELSE 0 END) AS entropy
    FROM (
        SELECT s.worker_id, s.work_date, s.minutes, s.mediation, s.discretion,
               ROW_NUMBER() OVER (PARTITION BY s.worker_id, s.work_date, s.activity
                                  ORDER BY s.task_id, s.step_no) AS occurrence,
               SUM(s.minutes) OVER (PARTITION BY s.worker_id, s.work_date, s.activity) AS activity_minutes,
               SUM(s.minutes) OVER (PARTITION BY s.worker_id, s.work_date) AS day_minutes
        FROM steps s
    ) ordered
    GROUP BY worker_id, work_date
) f
ON (d.worker_id = f.worker_id AND d.work_date = f.work_date)
WHEN MATCHED THEN UPDATE SET
    mediation_none_minutes = f.mediation_none_minutes,
    mediation_assisted_minutes = f.mediation_assisted_minutes,
    mediation_generated_minutes = f.mediation_generated_minutes,
    discretion_self_minutes = f.discretion_self_minutes,
    discretion_within_spec_minutes = f.discretion_within_spec_minutes,
    discretion_prescribed_minutes = f.discretion_prescribed_minutes,
    step_count = f.step_count,
    repeated_minutes = f.repeated_minutes,
    activity_count = f.activity_count,
    entropy = f.entropy;

ALTER TABLE worker_days ADD CONSTRAINT worker_days_steps_nonnegative CHECK (step_count >= 0);
ALTER TABLE worker_days ADD CONSTRAINT worker_days_repeated_range CHECK (repeated_minutes BETWEEN 0 AND minutes);

-- Per worker, day and tool: the minutes by mode, for the report's tools table and first uses.
CREATE TABLE worker_day_tools (
    worker_id     BIGINT       NOT NULL,
    work_date     DATE         NOT NULL,
    tool          VARCHAR(100) NOT NULL,
    minutes       INTEGER      NOT NULL,
    craft_minutes INTEGER      NOT NULL,
    CONSTRAINT worker_day_tools_pk PRIMARY KEY (worker_id, work_date, tool),
    CONSTRAINT worker_day_tools_day_fk FOREIGN KEY (worker_id, work_date)
        REFERENCES worker_days (worker_id, work_date),
    CONSTRAINT worker_day_tools_minutes_range CHECK (minutes BETWEEN 1 AND 1440),
    CONSTRAINT worker_day_tools_craft_range CHECK (craft_minutes BETWEEN 0 AND minutes)
);

-- A tool's first use by a worker or a team.
CREATE INDEX worker_day_tools_tool ON worker_day_tools (tool, worker_id, work_date);

INSERT INTO worker_day_tools (worker_id, work_date, tool, minutes, craft_minutes)
SELECT worker_id, work_date, tool, SUM(minutes), SUM(CASE WHEN mode = 'CRAFT' THEN minutes ELSE 0 END)
FROM steps
WHERE tool IS NOT NULL
GROUP BY worker_id, work_date, tool;
