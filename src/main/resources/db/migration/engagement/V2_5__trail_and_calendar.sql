-- The trail and the calendar. A follow-up question records the intervention it was raised in, so
-- the path question -> intervention -> follow-up question is an edge of its own (follow_up_of only
-- names the earlier question). An intervention may have a start time; without one it is a whole day
-- in a calendar. Both nullable: rows from before this migration keep working.

ALTER TABLE question ADD COLUMN raised_in UUID;
ALTER TABLE question ADD CONSTRAINT question_raised_in_fk
    FOREIGN KEY (raised_in) REFERENCES intervention (id);

ALTER TABLE intervention ADD COLUMN starts_at TIME;

-- The trail reads one engagement's questions by the date they were asked: question_age_idx (V2_6,
-- shared with the inbox) serves it.
-- "My coming sessions": the interventions of the unit a person belongs to.
CREATE INDEX intervention_participant_unit_idx ON intervention_participant (client_id, unit_id);
