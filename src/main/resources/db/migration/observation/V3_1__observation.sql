-- observation: on-the-job observations by hierarchical constellation (issue 4). Per engagement a
-- behaviour framework; meetings (an occurrence of a setting, or an ad-hoc moment) with their
-- attendees; observations of one person in one meeting, rated per behaviour on the 1-5 frequency
-- scale of ADR 0005, with the constellation derived at save time from that date's reporting lines
-- and stored as it was (observation_attendee), so that a later reorganisation rewrites nothing.
-- Confidential like notes (PRODUCT.md invariant 3): read only through ObservationAccess. Every row
-- carries client_id (tenant). See docs/architecture.md, "Observations".

-- One row per engagement whose framework has been put in place (the default set is added once).
CREATE TABLE behaviour_framework (
    engagement_id UUID PRIMARY KEY REFERENCES engagement (id),
    client_id     UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A behaviour is never deleted once observed; it is retired (hidden from capture, kept in profiles).
CREATE TABLE behaviour (
    id             UUID PRIMARY KEY,
    client_id      UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    engagement_id  UUID NOT NULL REFERENCES engagement (id),
    code           VARCHAR(40),
    name_nl        VARCHAR(200) NOT NULL,
    name_en        VARCHAR(200) NOT NULL,
    description_nl VARCHAR(1000),
    description_en VARCHAR(1000),
    -- observable indicators, one per line
    indicators_nl  VARCHAR(2000),
    indicators_en  VARCHAR(2000),
    sort_order     INT NOT NULL,
    retired_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX behaviour_engagement_idx ON behaviour (client_id, engagement_id, sort_order);

CREATE TABLE behaviour_agreement (
    behaviour_id UUID NOT NULL REFERENCES behaviour (id) ON DELETE CASCADE,
    agreement_id UUID NOT NULL REFERENCES agreement (id),
    client_id    UUID NOT NULL,
    PRIMARY KEY (behaviour_id, agreement_id)
);

CREATE TABLE meeting (
    id            UUID PRIMARY KEY,
    client_id     UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    engagement_id UUID NOT NULL REFERENCES engagement (id),
    -- null for an ad-hoc moment
    setting_id    UUID REFERENCES setting (id),
    title         VARCHAR(200) NOT NULL,
    held_on       DATE NOT NULL,
    created_by    UUID NOT NULL REFERENCES app_user (id),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX meeting_engagement_idx ON meeting (client_id, engagement_id, held_on);

-- A person of the client, or an outsider known only by a name.
CREATE TABLE meeting_attendee (
    id            UUID PRIMARY KEY,
    meeting_id    UUID NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    client_id     UUID NOT NULL,
    person_id     UUID REFERENCES person (id),
    outsider_name VARCHAR(200),
    CONSTRAINT meeting_attendee_one_ck CHECK (
        (person_id IS NOT NULL AND outsider_name IS NULL)
        OR (person_id IS NULL AND outsider_name IS NOT NULL))
);
CREATE INDEX meeting_attendee_meeting_idx ON meeting_attendee (meeting_id);
CREATE UNIQUE INDEX meeting_attendee_person_uk ON meeting_attendee (meeting_id, person_id);

-- One person seen in one meeting. present: the constellation categories present, comma-separated
-- in the order of stats.Constellation ('' when nobody else was there); dominant: the one group of
-- stats.Constellation.dominant (null when nobody else was there). idempotency_key: made by the
-- capturing client, so that a retried submit never makes a second observation.
CREATE TABLE observation (
    id              UUID PRIMARY KEY,
    client_id       UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    engagement_id   UUID NOT NULL REFERENCES engagement (id),
    meeting_id      UUID NOT NULL REFERENCES meeting (id),
    person_id       UUID NOT NULL REFERENCES person (id),
    observed_on     DATE NOT NULL,
    observer_id     UUID NOT NULL REFERENCES app_user (id),
    note            VARCHAR(1000),
    bright_spot     BOOLEAN NOT NULL,
    present         VARCHAR(100) NOT NULL,
    dominant        VARCHAR(30),
    idempotency_key UUID NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT observation_dominant_ck CHECK (dominant IS NULL OR dominant IN
        ('SUPERIORS_PRESENT', 'DIRECT_REPORTS_PRESENT', 'PEERS_PRESENT', 'OUTSIDERS_PRESENT'))
);
CREATE UNIQUE INDEX observation_idempotency_uk ON observation (client_id, idempotency_key);
CREATE INDEX observation_person_idx ON observation (client_id, engagement_id, person_id, observed_on);
CREATE INDEX observation_meeting_idx ON observation (client_id, meeting_id);

-- The behaviours seen, each rated 1 (never) .. 5 ((almost) always), ADR 0005.
CREATE TABLE observation_rating (
    observation_id UUID NOT NULL REFERENCES observation (id) ON DELETE CASCADE,
    behaviour_id   UUID NOT NULL REFERENCES behaviour (id),
    client_id      UUID NOT NULL,
    rating         INT NOT NULL,
    PRIMARY KEY (observation_id, behaviour_id),
    CONSTRAINT observation_rating_ck CHECK (rating BETWEEN 1 AND 5)
);
CREATE INDEX observation_rating_behaviour_idx ON observation_rating (client_id, behaviour_id);

-- The derived constellation as it was: every other attendee with its relation to the observed
-- person on the date (organisation.Constellation.Relation) and its category. No foreign key on
-- person_id: it records history, and an outsider has none (outsider_name instead).
CREATE TABLE observation_attendee (
    observation_id UUID NOT NULL REFERENCES observation (id) ON DELETE CASCADE,
    client_id      UUID NOT NULL,
    seq            INT NOT NULL,
    person_id      UUID,
    outsider_name  VARCHAR(200),
    category       VARCHAR(30) NOT NULL,
    relation       VARCHAR(30) NOT NULL,
    unit_id        UUID,
    PRIMARY KEY (observation_id, seq)
);

-- A coach released the person's profile of this engagement to the person themself (revocable:
-- revoking deletes the row; both are audited).
CREATE TABLE profile_release (
    engagement_id UUID NOT NULL REFERENCES engagement (id),
    person_id     UUID NOT NULL REFERENCES person (id),
    client_id     UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    released_by   UUID NOT NULL REFERENCES app_user (id),
    released_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (engagement_id, person_id)
);
