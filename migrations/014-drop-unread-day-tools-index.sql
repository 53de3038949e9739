--liquibase formatted sql

--changeset craftline:014-drop-unread-day-tools-index
-- worker_day_tools_tool (tool, worker_id, work_date) served a tool's first use, which reports have
-- read from worker_month_tools.first_day since 006; every query left on worker_day_tools starts
-- with worker_id and a date range, which the primary key serves. Kept, the index was one more
-- B-tree written for every day-tool row a write stores (issue 26).
DROP INDEX worker_day_tools_tool;
