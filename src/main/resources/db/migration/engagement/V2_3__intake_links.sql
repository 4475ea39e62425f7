-- Question intake without an account: links to a public form, one for an engagement or one per
-- team of its scope. Only the SHA-256 hash of a link's secret is stored (the secret is shown once).
-- Questions that come in through a link carry the asker's own free-text name, and the person it
-- names when it names exactly one person of the chosen unit.

CREATE TABLE intake_link (
    id            UUID PRIMARY KEY,
    client_id     UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    engagement_id UUID NOT NULL REFERENCES engagement (id),
    unit_id       UUID REFERENCES unit (id),
    token_hash    VARCHAR(64) NOT NULL,
    created_by    VARCHAR(254) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    used_count    INT NOT NULL DEFAULT 0,
    last_used_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT intake_link_token_uq UNIQUE (token_hash),
    CONSTRAINT intake_link_used_ck CHECK (used_count >= 0)
);
CREATE INDEX intake_link_engagement_idx ON intake_link (client_id, engagement_id, created_at);

ALTER TABLE question ADD COLUMN asker_name VARCHAR(100);
ALTER TABLE question ADD COLUMN asker_person_id UUID;
ALTER TABLE question ADD CONSTRAINT question_asker_person_fk
    FOREIGN KEY (asker_person_id) REFERENCES person (id);

-- A new channel; the constraint is named, so the same statements run on H2 and PostgreSQL.
ALTER TABLE question DROP CONSTRAINT question_channel_ck;
ALTER TABLE question ADD CONSTRAINT question_channel_ck CHECK (channel IN ('APP', 'COACH', 'INTAKE'));
