-- engagement: demand-driven coaching. An engagement has no programme; its content is the questions
-- of the client's people. Questions are never deleted (they will be answered by interventions, which
-- reference them), so nothing here cascades from a question. Every row carries client_id (tenant).

CREATE TABLE engagement (
    id                UUID PRIMARY KEY,
    client_id         UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    title             VARCHAR(200) NOT NULL,
    description       VARCHAR(2000),
    sponsor_person_id UUID REFERENCES person (id),
    starts_on         DATE NOT NULL,
    ends_on           DATE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT engagement_period_ck CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX engagement_client_idx ON engagement (client_id, starts_on);

CREATE TABLE engagement_coach (
    engagement_id UUID NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,
    user_id       UUID NOT NULL REFERENCES app_user (id),
    client_id     UUID NOT NULL,
    PRIMARY KEY (engagement_id, user_id)
);
CREATE INDEX engagement_coach_user_idx ON engagement_coach (client_id, user_id);

-- The scope: the units the engagement is about.
CREATE TABLE engagement_unit (
    engagement_id UUID NOT NULL REFERENCES engagement (id) ON DELETE CASCADE,
    unit_id       UUID NOT NULL REFERENCES unit (id),
    client_id     UUID NOT NULL,
    PRIMARY KEY (engagement_id, unit_id)
);

CREATE TABLE management_decision (
    id            UUID PRIMARY KEY,
    client_id     UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    engagement_id UUID NOT NULL REFERENCES engagement (id),
    title         VARCHAR(200) NOT NULL,
    description   VARCHAR(2000),
    decided_on    DATE NOT NULL,
    decided_by    VARCHAR(200) NOT NULL
);
CREATE INDEX management_decision_engagement_idx ON management_decision (client_id, engagement_id);

CREATE TABLE question (
    id              UUID PRIMARY KEY,
    client_id       UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    engagement_id   UUID NOT NULL REFERENCES engagement (id),
    text            VARCHAR(2000) NOT NULL,
    level           VARCHAR(20) NOT NULL,
    owner_kind      VARCHAR(20) NOT NULL,
    owner_person_id UUID REFERENCES person (id),
    owner_unit_id   UUID REFERENCES unit (id),
    decision_id     UUID REFERENCES management_decision (id),
    follow_up_of    UUID REFERENCES question (id),
    status          VARCHAR(20) NOT NULL,
    status_reason   VARCHAR(500),
    merged_into     UUID REFERENCES question (id),
    channel         VARCHAR(10) NOT NULL,
    registered_by   VARCHAR(254) NOT NULL,
    asked_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT question_level_ck CHECK (level IN ('INDIVIDUAL', 'TEAM', 'ORGANISATION')),
    CONSTRAINT question_owner_kind_ck CHECK (owner_kind IN ('PERSON', 'TEAM', 'MANAGEMENT')),
    CONSTRAINT question_status_ck CHECK (status IN
        ('OPEN', 'TAKEN_UP', 'PARKED', 'MERGED', 'ASKED_BACK', 'WITHDRAWN', 'ANSWERED')),
    CONSTRAINT question_channel_ck CHECK (channel IN ('APP', 'COACH')),
    CONSTRAINT question_owner_ck CHECK (
        (owner_kind = 'PERSON' AND owner_person_id IS NOT NULL)
        OR (owner_kind = 'TEAM' AND owner_unit_id IS NOT NULL)
        OR owner_kind = 'MANAGEMENT'),
    CONSTRAINT question_merged_ck CHECK ((status = 'MERGED') = (merged_into IS NOT NULL)),
    CONSTRAINT question_not_own_merge_ck CHECK (merged_into IS NULL OR merged_into <> id)
);
-- The inbox: open questions of one engagement by age.
CREATE INDEX question_inbox_idx ON question (client_id, engagement_id, status, asked_at);
CREATE INDEX question_owner_unit_idx ON question (client_id, owner_unit_id);
