-- A behaviour of a round may be one of the engagement's framework (observation module, table
-- behaviour): then the HR heatmap (issue 5) can put the answers of many rounds in one column. The text
-- is still copied into the round (raters see what the person asked), so editing or retiring the
-- framework behaviour later rewrites no round. No foreign key: the round refers to what was chosen and
-- must not stop a framework behaviour from being deleted (a behaviour without observations may be).
ALTER TABLE feedback_behaviour ADD COLUMN framework_behaviour_id UUID;
