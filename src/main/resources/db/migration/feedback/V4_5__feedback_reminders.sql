-- Reminders that go out by themselves (FeedbackSchedule): how many a rater got, so that nobody gets
-- more than orgcoach.feedback.max-reminders of them, and an index for the scheduler's two questions
-- (which rounds are open and near their close, which are past it and still open).
ALTER TABLE feedback_rater ADD COLUMN reminders_sent INT DEFAULT 0 NOT NULL;
CREATE INDEX feedback_round_open_idx ON feedback_round (closed_at, closes_at);
