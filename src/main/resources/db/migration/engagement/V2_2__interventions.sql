-- interventions: what the coaches did to answer questions (PRODUCT.md invariant 1: at least one
-- question, enforced in the Intervention aggregate), the agreements that follow (owned by a coachee,
-- invariant 2) and with whom a coachee shared the confidential notes (invariant 3). Every row carries
-- client_id (tenant).

CREATE TABLE intervention (
    id               UUID PRIMARY KEY,
    client_id        UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    engagement_id    UUID NOT NULL REFERENCES engagement (id),
    type             VARCHAR(30) NOT NULL,
    held_on          DATE NOT NULL,
    duration_minutes INT NOT NULL,
    notes            VARCHAR(20000),
    recorded_by      UUID NOT NULL REFERENCES app_user (id),
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT intervention_type_ck CHECK (type IN ('INDIVIDUAL_COACHING', 'TEAM_COACHING',
        'SITTING_IN', 'CONFRONTING_CONVERSATION', 'SUGGESTION', 'LEARNING_INTERVENTION',
        'FEEDBACK_CONVERSATION', 'OTHER')),
    CONSTRAINT intervention_duration_ck CHECK (duration_minutes > 0)
);
CREATE INDEX intervention_engagement_idx ON intervention (client_id, engagement_id, held_on);

CREATE TABLE intervention_coach (
    intervention_id UUID NOT NULL REFERENCES intervention (id) ON DELETE CASCADE,
    user_id         UUID NOT NULL REFERENCES app_user (id),
    client_id       UUID NOT NULL,
    PRIMARY KEY (intervention_id, user_id)
);

CREATE TABLE intervention_participant (
    intervention_id UUID NOT NULL REFERENCES intervention (id) ON DELETE CASCADE,
    person_id       UUID REFERENCES person (id),
    unit_id         UUID REFERENCES unit (id),
    client_id       UUID NOT NULL,
    CONSTRAINT intervention_participant_one_ck CHECK (
        (person_id IS NOT NULL AND unit_id IS NULL) OR (person_id IS NULL AND unit_id IS NOT NULL))
);
CREATE INDEX intervention_participant_idx ON intervention_participant (intervention_id);
CREATE INDEX intervention_participant_person_idx ON intervention_participant (client_id, person_id);

CREATE TABLE intervention_question (
    intervention_id UUID NOT NULL REFERENCES intervention (id) ON DELETE CASCADE,
    question_id     UUID NOT NULL REFERENCES question (id),
    client_id       UUID NOT NULL,
    PRIMARY KEY (intervention_id, question_id)
);
CREATE INDEX intervention_question_q_idx ON intervention_question (client_id, question_id);

CREATE TABLE agreement (
    id              UUID PRIMARY KEY,
    client_id       UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    intervention_id UUID NOT NULL REFERENCES intervention (id),
    owner_person_id UUID NOT NULL REFERENCES person (id),
    what            VARCHAR(1000) NOT NULL,
    due_on          DATE,
    status          VARCHAR(10) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT agreement_status_ck CHECK (status IN ('OPEN', 'KEPT', 'ADJUSTED', 'DROPPED'))
);
CREATE INDEX agreement_owner_idx ON agreement (client_id, owner_person_id);
CREATE INDEX agreement_intervention_idx ON agreement (client_id, intervention_id);

CREATE TABLE note_share (
    intervention_id     UUID NOT NULL REFERENCES intervention (id) ON DELETE CASCADE,
    person_id           UUID NOT NULL REFERENCES person (id),
    client_id           UUID NOT NULL,
    shared_by_person_id UUID NOT NULL REFERENCES person (id),
    shared_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (intervention_id, person_id)
);
CREATE INDEX note_share_person_idx ON note_share (client_id, person_id);
