-- Feedback rounds: a person (the ratee) asks raters for feedback on one to six chosen behaviours.
-- A rater answers through a personal link; only the SHA-256 hash of its secret is stored, and it
-- works until the round closes. The ratee's own rating is a rater row of group SELF.

CREATE TABLE feedback_round (
    id              UUID PRIMARY KEY,
    client_id       UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    ratee_person_id UUID NOT NULL REFERENCES person (id),
    closes_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at       TIMESTAMP WITH TIME ZONE,
    created_by      VARCHAR(254) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX feedback_round_ratee_idx ON feedback_round (client_id, ratee_person_id, created_at);

CREATE TABLE feedback_behaviour (
    id           UUID PRIMARY KEY,
    client_id    UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    round_id     UUID NOT NULL REFERENCES feedback_round (id) ON DELETE CASCADE,
    position     INT NOT NULL,
    text         VARCHAR(300) NOT NULL,
    reference_id UUID,
    CONSTRAINT feedback_behaviour_position_ck CHECK (position BETWEEN 1 AND 6)
);
CREATE UNIQUE INDEX feedback_behaviour_position_uk ON feedback_behaviour (round_id, position);

CREATE TABLE feedback_rater (
    id          UUID PRIMARY KEY,
    client_id   UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    round_id    UUID NOT NULL REFERENCES feedback_round (id) ON DELETE CASCADE,
    rater_group VARCHAR(20) NOT NULL,
    person_id   UUID REFERENCES person (id),
    email       VARCHAR(254) NOT NULL,
    name        VARCHAR(200),
    language    VARCHAR(2) NOT NULL,
    token_hash  VARCHAR(64) NOT NULL,
    invited_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reminded_at TIMESTAMP WITH TIME ZONE,
    answered_at TIMESTAMP WITH TIME ZONE,
    named       BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT feedback_rater_group_ck CHECK (rater_group IN
        ('SELF', 'MANAGER', 'PEER', 'DIRECT_REPORT', 'OTHER')),
    CONSTRAINT feedback_rater_language_ck CHECK (language IN ('nl', 'en')),
    CONSTRAINT feedback_rater_named_ck CHECK (named = FALSE OR rater_group = 'MANAGER'),
    CONSTRAINT feedback_rater_token_uq UNIQUE (token_hash)
);
CREATE UNIQUE INDEX feedback_rater_email_uk ON feedback_rater (round_id, email);
CREATE INDEX feedback_rater_round_idx ON feedback_rater (client_id, round_id);

-- One answer per rater and behaviour; rating NULL is "not seen".
CREATE TABLE feedback_answer (
    rater_id     UUID NOT NULL REFERENCES feedback_rater (id) ON DELETE CASCADE,
    behaviour_id UUID NOT NULL REFERENCES feedback_behaviour (id) ON DELETE CASCADE,
    client_id    UUID NOT NULL,
    rating       INT,
    comment      VARCHAR(1000),
    PRIMARY KEY (rater_id, behaviour_id),
    CONSTRAINT feedback_answer_rating_ck CHECK (rating IS NULL OR rating BETWEEN 1 AND 5)
);
