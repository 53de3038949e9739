--liquibase formatted sql

--changeset craftline:006-add-worker-months
-- Month rollups beside the day rollups of 005, for reports over many workers.
-- A version per worker and calendar month, raised by every task write to a day of that month in the
-- write's own transaction (task/WorkerDayLedger). A report keeps the periods it has added up and
-- reuses them while the versions of the months they cover, for the workers in scope, are unchanged
-- (report/PeriodCache): a team's report then reads a dozen rows per worker and year instead of 365.
CREATE TABLE worker_months (
    worker_id   BIGINT NOT NULL,
    month_start DATE   NOT NULL,
    version     BIGINT NOT NULL,
    CONSTRAINT worker_months_pk PRIMARY KEY (worker_id, month_start),
    CONSTRAINT worker_months_worker_fk FOREIGN KEY (worker_id) REFERENCES workers (id),
    CONSTRAINT worker_months_first_day CHECK (EXTRACT(DAY FROM month_start) = 1),
    CONSTRAINT worker_months_version_positive CHECK (version >= 1)
);

-- Every month that already holds days gets its first version, so that moving such a worker to
-- another team changes what a cached team report compares.
INSERT INTO worker_months (worker_id, month_start, version)
SELECT worker_id, CAST(DATE_TRUNC('MONTH', work_date) AS DATE), 1
FROM worker_days
GROUP BY worker_id, CAST(DATE_TRUNC('MONTH', work_date) AS DATE);

-- Per worker, month and tool: the minutes by mode, kept with the versions above from the month's
-- worker_day_tools rows. The tools table of a team's year reads these, a dozen rows per worker and
-- tool, instead of a row per worker, day and tool; only the part-months at a range's ends read days.
-- (The day table's own first-use lookup cost 100 ms per tool for a 1,000-worker team on H2.)
CREATE TABLE worker_month_tools (
    worker_id     BIGINT       NOT NULL,
    month_start   DATE         NOT NULL,
    tool          VARCHAR(100) NOT NULL,
    minutes       INTEGER      NOT NULL,
    craft_minutes INTEGER      NOT NULL,
    -- The first day of the month the tool was used on: a tool's first use by a team is the
    -- earliest of these, without reading the days.
    first_day     DATE         NOT NULL,
    CONSTRAINT worker_month_tools_pk PRIMARY KEY (worker_id, month_start, tool),
    CONSTRAINT worker_month_tools_month_fk FOREIGN KEY (worker_id, month_start)
        REFERENCES worker_months (worker_id, month_start),
    CONSTRAINT worker_month_tools_minutes_range CHECK (minutes BETWEEN 1 AND 44640),
    CONSTRAINT worker_month_tools_craft_range CHECK (craft_minutes BETWEEN 0 AND minutes),
    CONSTRAINT worker_month_tools_first_day_in_month CHECK (first_day >= month_start
        AND EXTRACT(YEAR FROM first_day) = EXTRACT(YEAR FROM month_start)
        AND EXTRACT(MONTH FROM first_day) = EXTRACT(MONTH FROM month_start))
);

INSERT INTO worker_month_tools (worker_id, month_start, tool, minutes, craft_minutes, first_day)
SELECT worker_id, CAST(DATE_TRUNC('MONTH', work_date) AS DATE), tool, SUM(minutes), SUM(craft_minutes),
       MIN(work_date)
FROM worker_day_tools
GROUP BY worker_id, CAST(DATE_TRUNC('MONTH', work_date) AS DATE), tool;
