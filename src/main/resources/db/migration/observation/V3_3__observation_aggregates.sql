-- observation aggregates for HR (issue 4): per unit x behaviour of an engagement's framework, per
-- closed calendar quarter. The first time a quarter of an engagement is read (never before it closed
-- and its grace days passed), its cells are decided once (observation.UnitAggregates) and kept here
-- with the unit tree they were decided on. From then on they are read, never decided again: observations
-- recorded later, a reorganisation or a corrected person history change nothing, so no reader can
-- subtract two readings of a quarter to learn about a few people (docs/analytics.md, "Observation
-- aggregates"). Every row carries client_id (tenant).

-- top_units: how many top units the client's tree had (the page says how many it does not list).
CREATE TABLE observation_aggregate_freeze (
    engagement_id UUID NOT NULL REFERENCES engagement (id),
    client_id     UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    quarter_from  DATE NOT NULL,
    frozen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    top_units     INT NOT NULL,
    PRIMARY KEY (engagement_id, quarter_from)
);

-- The units with observations in their subtree, as the tree was: parent (null at the top), name and
-- how many units were directly below. No foreign key on unit_id: it records what was.
CREATE TABLE observation_aggregate_unit (
    engagement_id UUID NOT NULL,
    quarter_from  DATE NOT NULL,
    client_id     UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    unit_id       UUID NOT NULL,
    parent_id     UUID,
    name          VARCHAR(200) NOT NULL,
    child_units   INT NOT NULL,
    PRIMARY KEY (engagement_id, quarter_from, unit_id),
    FOREIGN KEY (engagement_id, quarter_from) REFERENCES observation_aggregate_freeze (engagement_id, quarter_from)
);

-- A cell with observations: SHOWN with its figures, FEW_PEOPLE or HIDDEN without (a cell that is
-- absent had no observations). mean and favourable (share of ratings >= 4) unrounded.
CREATE TABLE observation_aggregate_cell (
    engagement_id UUID NOT NULL,
    quarter_from  DATE NOT NULL,
    client_id     UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    unit_id       UUID NOT NULL,
    behaviour_id  UUID NOT NULL,
    status        VARCHAR(20) NOT NULL,
    people        INT,
    observations  INT,
    mean          DOUBLE PRECISION,
    favourable    DOUBLE PRECISION,
    PRIMARY KEY (engagement_id, quarter_from, unit_id, behaviour_id),
    FOREIGN KEY (engagement_id, quarter_from) REFERENCES observation_aggregate_freeze (engagement_id, quarter_from),
    CONSTRAINT observation_aggregate_cell_ck CHECK (status IN ('SHOWN', 'FEW_PEOPLE', 'HIDDEN')
        AND ((status = 'SHOWN' AND people IS NOT NULL AND mean IS NOT NULL)
             OR (status <> 'SHOWN' AND people IS NULL AND observations IS NULL AND mean IS NULL
                 AND favourable IS NULL)))
);

-- A quarter is decided from one engagement's observations of that quarter.
CREATE INDEX observation_engagement_day_idx ON observation (client_id, engagement_id, observed_on);
