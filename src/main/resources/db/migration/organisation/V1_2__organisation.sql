-- organisation: the client system. Every row carries client_id (tenant); external_id is the
-- identifier the client's own systems use, and is what imports match on when they update in place.

CREATE TABLE unit (
    id          UUID PRIMARY KEY,
    client_id   UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    external_id VARCHAR(100) NOT NULL,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(100),
    parent_id   UUID REFERENCES unit (id),
    CONSTRAINT unit_not_own_parent_ck CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX unit_external_uk ON unit (client_id, external_id);
CREATE INDEX unit_parent_idx ON unit (client_id, parent_id);

CREATE TABLE person (
    id          UUID PRIMARY KEY,
    client_id   UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    external_id VARCHAR(100) NOT NULL,
    first_name  VARCHAR(100) NOT NULL,
    last_name   VARCHAR(150) NOT NULL,
    email       VARCHAR(254),
    job_title   VARCHAR(200),
    unit_id     UUID NOT NULL REFERENCES unit (id),
    manager_id  UUID REFERENCES person (id),
    CONSTRAINT person_not_own_manager_ck CHECK (manager_id IS NULL OR manager_id <> id)
);
CREATE UNIQUE INDEX person_external_uk ON person (client_id, external_id);
CREATE INDEX person_unit_idx ON person (client_id, unit_id);
CREATE INDEX person_manager_idx ON person (client_id, manager_id);

-- A setting (gremium): a recurring body such as a management team or works council.
CREATE TABLE setting (
    id          UUID PRIMARY KEY,
    client_id   UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    external_id VARCHAR(100) NOT NULL,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    unit_id     UUID REFERENCES unit (id)
);
CREATE UNIQUE INDEX setting_external_uk ON setting (client_id, external_id);

CREATE TABLE setting_member (
    setting_id UUID NOT NULL REFERENCES setting (id) ON DELETE CASCADE,
    person_id  UUID NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    client_id  UUID NOT NULL,
    PRIMARY KEY (setting_id, person_id)
);
CREATE INDEX setting_member_person_idx ON setting_member (client_id, person_id);

-- Unit "from" depends on unit "to" for something; strength 1 (light) to 3 (critical).
CREATE TABLE interdependency (
    id           UUID PRIMARY KEY,
    client_id    UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    from_unit_id UUID NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
    to_unit_id   UUID NOT NULL REFERENCES unit (id) ON DELETE CASCADE,
    description  VARCHAR(300) NOT NULL,
    strength     INT NOT NULL,
    CONSTRAINT interdependency_strength_ck CHECK (strength BETWEEN 1 AND 3),
    CONSTRAINT interdependency_distinct_ck CHECK (from_unit_id <> to_unit_id)
);
CREATE UNIQUE INDEX interdependency_uk ON interdependency (client_id, from_unit_id, to_unit_id);
CREATE INDEX interdependency_to_idx ON interdependency (client_id, to_unit_id);

-- Imports run in the background; progress and the outcome live here so that any node can report them.
CREATE TABLE import_job (
    id          UUID PRIMARY KEY,
    client_id   UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    kind        VARCHAR(30) NOT NULL,
    file_name   VARCHAR(255),
    status      VARCHAR(20) NOT NULL,
    phase       VARCHAR(30),
    rows_total  INT NOT NULL,
    rows_done   INT NOT NULL,
    created_by  VARCHAR(254) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    outcome     VARCHAR(100000)
);
CREATE INDEX import_job_client_idx ON import_job (client_id, created_at);
