--liquibase formatted sql

--changeset craftline:009-create-team-cells
-- A team report is made of published cells (report/TeamPublisher). A team's ISO week is published
-- once, when it has closed and privacy.teamGraceDays have passed: its figures are computed from the
-- members' days at that moment and stored here, and every team report from then on reads these rows
-- and never the days again, so no entry, edit, delete or change of members made later can change a
-- published figure and be read back as one person's work by differencing two reports.

-- Who belonged to which team when: a week is published with the members the team had that week,
-- each worker-day counted for the team the worker was in on that day. A worker made with a team
-- belongs to it from the beginning (first_day NULL), so history logged later counts for it; a move
-- (PUT /api/workers/{handle}/team) ends the membership the day before and starts the next one.
CREATE TABLE team_memberships (
    worker_id BIGINT      NOT NULL,
    team      VARCHAR(64) NOT NULL,
    first_day DATE,
    last_day  DATE,
    CONSTRAINT team_memberships_worker_fk FOREIGN KEY (worker_id) REFERENCES workers (id),
    CONSTRAINT team_memberships_ordered CHECK (first_day IS NULL OR last_day IS NULL OR first_day <= last_day)
);

-- Publishing a team reads its members' days; a move finds the worker's current membership.
CREATE INDEX team_memberships_team ON team_memberships (team, worker_id);
CREATE INDEX team_memberships_worker ON team_memberships (worker_id, last_day);

INSERT INTO team_memberships (worker_id, team, first_day, last_day)
SELECT id, team, NULL, NULL FROM workers WHERE team IS NOT NULL;

-- One row per publication: every week of the team ending on or before published_through is
-- published, those without a row in team_weeks as weeks nobody logged in.
CREATE TABLE team_publications (
    team              VARCHAR(64) NOT NULL,
    published_through DATE        NOT NULL,
    published_on      DATE        NOT NULL,
    -- privacy.minGroupSize when published: a week is shown only to a reader's minimum it also meets.
    min_group_size    INTEGER     NOT NULL,
    CONSTRAINT team_publications_pk PRIMARY KEY (team, published_through),
    CONSTRAINT team_publications_group_size CHECK (min_group_size >= 5)
);

-- One row per published week in which at least one member logged. The figures are kept only for a
-- week shown when published (at least min_group_size distinct workers); a hidden week keeps its
-- count of workers and nothing else.
CREATE TABLE team_weeks (
    team               VARCHAR(64) NOT NULL,
    week_start         DATE        NOT NULL,
    published_on       DATE        NOT NULL,
    workers            INTEGER     NOT NULL,
    minutes            BIGINT,
    craft_minutes      BIGINT,
    generated_minutes  BIGINT,
    prescribed_minutes BIGINT,
    step_count         BIGINT,
    repeated_minutes   BIGINT,
    worker_days        INTEGER,
    -- The sum over the week's worker-days of each day's repertoire (entropy / ln K).
    repertoire_sum     DOUBLE PRECISION,
    CONSTRAINT team_weeks_pk PRIMARY KEY (team, week_start),
    CONSTRAINT team_weeks_workers_positive CHECK (workers >= 1),
    CONSTRAINT team_weeks_figures_only_for_groups CHECK (minutes IS NULL OR workers >= 5)
);

-- A shown week's tools: one row per tool at least min_group_size of the week's workers used, left
-- out too when the minutes outside the shown tools would come from fewer than that many workers.
CREATE TABLE team_week_tools (
    team          VARCHAR(64)  NOT NULL,
    week_start    DATE         NOT NULL,
    tool          VARCHAR(100) NOT NULL,
    workers       INTEGER      NOT NULL,
    minutes       BIGINT       NOT NULL,
    craft_minutes BIGINT       NOT NULL,
    CONSTRAINT team_week_tools_pk PRIMARY KEY (team, week_start, tool),
    CONSTRAINT team_week_tools_week_fk FOREIGN KEY (team, week_start) REFERENCES team_weeks (team, week_start),
    CONSTRAINT team_week_tools_group CHECK (workers >= 5),
    CONSTRAINT team_week_tools_craft_range CHECK (craft_minutes BETWEEN 0 AND minutes)
);

-- A tool's first shown week in a team.
CREATE INDEX team_week_tools_first_use ON team_week_tools (team, tool, week_start);
