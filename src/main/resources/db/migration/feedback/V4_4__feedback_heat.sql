-- The HR heatmap's read model (issue 5): one row per closed round and framework behaviour, with the
-- others' ratings there (every rater but SELF; "not seen" is no rating): how many and their total.
-- The answers of a closed round never change, so a row is written once, when a heatmap request first
-- finds the round closed (feedback_round.heat_at says it was done), and the heatmap then reads some
-- 6 rows per round instead of some 50 answers. ratee_person_id and closed_at are copies, so that the
-- heatmap's one aggregate query joins nothing but the ratee's current unit.
CREATE TABLE feedback_heat (
    behaviour_id           UUID PRIMARY KEY REFERENCES feedback_behaviour (id) ON DELETE CASCADE,
    client_id              UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    framework_behaviour_id UUID NOT NULL,
    ratee_person_id        UUID NOT NULL,
    closed_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    others_ratings         INT NOT NULL,
    others_total           INT NOT NULL
);
CREATE INDEX feedback_heat_period_idx ON feedback_heat (client_id, closed_at);

ALTER TABLE feedback_round ADD COLUMN heat_at TIMESTAMP WITH TIME ZONE;
-- "Closed rounds of the client not summarised yet": heat_at IS NULL is the first thing looked up.
CREATE INDEX feedback_round_heat_idx ON feedback_round (client_id, heat_at);
