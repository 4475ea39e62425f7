-- Reactions (Kirkpatrick level 1): participants rate an intervention's usefulness 1-5 with an
-- optional comment. person_id is kept only so that a participant can change their own reaction in
-- the app (one per person per intervention); it is never shown or returned. Answers through a
-- public reaction link have no person. Reaction links store only the SHA-256 hash of their secret.

CREATE TABLE reaction (
    id              UUID PRIMARY KEY,
    client_id       UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    intervention_id UUID NOT NULL REFERENCES intervention (id),
    person_id       UUID REFERENCES person (id),
    rating          INT NOT NULL,
    comment         VARCHAR(1000),
    answered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT reaction_rating_ck CHECK (rating BETWEEN 1 AND 5),
    CONSTRAINT reaction_person_uq UNIQUE (intervention_id, person_id)
);
CREATE INDEX reaction_intervention_idx ON reaction (client_id, intervention_id);

CREATE TABLE reaction_link (
    id              UUID PRIMARY KEY,
    client_id       UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    intervention_id UUID NOT NULL REFERENCES intervention (id),
    token_hash      VARCHAR(64) NOT NULL,
    created_by      VARCHAR(254) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT reaction_link_token_uq UNIQUE (token_hash)
);
CREATE INDEX reaction_link_intervention_idx ON reaction_link (client_id, intervention_id);
