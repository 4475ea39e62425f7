-- observation: the person's own account beside what was observed (say-do, issue 4). A person who
-- takes part in an engagement answers, per active behaviour of its framework, "how often do I do
-- this?" on the same 1-5 frequency scale as the observations (ADR 0005), with an optional short
-- comment. Each submission is kept, dated, as a whole (the form is filled in again with the latest
-- answers): the latest counts by default, an earlier one can be compared with what had been
-- observed by then. Confidential like observations: the person and the engagement's coaches, read
-- only through ObservationAccess. Every row carries client_id (tenant).

CREATE TABLE self_assessment (
    id            UUID PRIMARY KEY,
    client_id     UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    engagement_id UUID NOT NULL REFERENCES engagement (id),
    person_id     UUID NOT NULL REFERENCES person (id),
    submitted_by  UUID REFERENCES app_user (id),
    submitted_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX self_assessment_person_idx
    ON self_assessment (client_id, engagement_id, person_id, submitted_at);
CREATE INDEX self_assessment_mine_idx ON self_assessment (client_id, person_id);

-- The behaviours answered; a behaviour left out had no occasion or no answer (not a 1).
CREATE TABLE self_assessment_rating (
    self_assessment_id UUID NOT NULL REFERENCES self_assessment (id) ON DELETE CASCADE,
    behaviour_id       UUID NOT NULL REFERENCES behaviour (id),
    client_id          UUID NOT NULL,
    rating             INT NOT NULL,
    comment            VARCHAR(300),
    PRIMARY KEY (self_assessment_id, behaviour_id),
    CONSTRAINT self_assessment_rating_ck CHECK (rating BETWEEN 1 AND 5)
);

-- "My observation profile" asks, per person, in which engagements they attended a meeting and
-- which profiles were released to them.
CREATE INDEX meeting_attendee_person_idx ON meeting_attendee (client_id, person_id);
CREATE INDEX profile_release_person_idx ON profile_release (client_id, person_id);
