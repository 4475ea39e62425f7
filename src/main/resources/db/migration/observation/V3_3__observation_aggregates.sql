-- observation aggregates for HR (issue 4): per unit x behaviour of an engagement's framework, per
-- closed calendar quarter. The first time a quarter of an engagement is read (never before it closed
-- and its grace days passed), the moment is kept here; from then on only observations recorded
-- before it count, so a published cell never changes and no reader can subtract two readings of it
-- to learn what was recorded in between (docs/analytics.md, "Observation aggregates").
CREATE TABLE observation_aggregate_freeze (
    engagement_id UUID NOT NULL REFERENCES engagement (id),
    client_id     UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    quarter_from  DATE NOT NULL,
    frozen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (engagement_id, quarter_from)
);

-- The aggregates read one engagement's observations of a quarter.
CREATE INDEX observation_engagement_day_idx ON observation (client_id, engagement_id, observed_on);
