-- The published reference of a client's feedback results (FeedbackReference; docs/analytics.md, "The
-- client's own reference"): one row per client, written by the scheduler at most once a day and read
-- by the results with one lookup by key. A version counts the rounds closed by `through` (the start of
-- a day, Dutch time). Figures are stored only for a part whose source is CLIENT; a PLACEHOLDER part
-- takes the configured values when read. `attempted_through` is the cut-off of the latest attempt: the
-- scheduler's claim (one conditional update), so several nodes do a day's attempt once, even when the
-- attempt keeps the stored version.
CREATE TABLE feedback_reference (
    client_id            UUID PRIMARY KEY REFERENCES client (id) ON DELETE CASCADE,
    attempted_through    TIMESTAMP WITH TIME ZONE,
    through              TIMESTAMP WITH TIME ZONE,
    computed_at          TIMESTAMP WITH TIME ZONE,
    minimum_ratees       INT,
    norm_source          VARCHAR(16),
    norm_ratees          INT,
    norm_size            INT,
    norm_mean_difference DOUBLE PRECISION,
    norm_sd_difference   DOUBLE PRECISION,
    norm_mean_others     DOUBLE PRECISION,
    change_source        VARCHAR(16),
    change_ratees        INT,
    change_sd            DOUBLE PRECISION,
    change_reliability   DOUBLE PRECISION,
    change_groups        INT,
    change_k0            DOUBLE PRECISION,
    change_icc1          DOUBLE PRECISION,
    -- Ratees in feedback_reference_ratee: the sample of the latest version that showed figures of the
    -- client (null while none did).
    disclosed_ratees     INT
);

-- The sample of the latest version that showed the client's figures: per ratee a digest of what they
-- contributed (their self–other pairs and first-round groups). A later version with figures replaces it
-- only when at least the anonymity threshold of ratees are new, changed or gone against this set, so
-- that the difference of two published versions never stands for fewer people than the threshold.
CREATE TABLE feedback_reference_ratee (
    client_id       UUID NOT NULL REFERENCES feedback_reference (client_id) ON DELETE CASCADE,
    ratee_person_id UUID NOT NULL,
    digest          VARCHAR(64) NOT NULL,
    PRIMARY KEY (client_id, ratee_person_id)
);
