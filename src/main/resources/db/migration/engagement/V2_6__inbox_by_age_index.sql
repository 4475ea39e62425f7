-- The inbox without a status filter (all questions, the API's default and the page's "all") and
-- the unit filter read an engagement's questions oldest first and stop at the first page: with this
-- index that is a short index scan instead of sorting every question of a large engagement. The
-- trail's period filter on questions uses it too.
CREATE INDEX question_age_idx ON question (client_id, engagement_id, asked_at, id);
