-- Reporting lines as they were: one row per person per period in which their unit and manager stayed
-- the same, [valid_from, valid_to), valid_to NULL for the current period. Written in the same
-- transaction as every change of person.unit_id or person.manager_id (import and manual edit), so that
-- a constellation derived for an observation of last month uses last month's chart.
--
-- unit_id and manager_person_id carry no foreign keys on purpose: history refers to what was, and must
-- not stop a unit or person from being removed later, nor be rewritten when one is.
CREATE TABLE person_history (
    client_id         UUID NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    person_id         UUID NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    unit_id           UUID NOT NULL,
    manager_person_id UUID,
    valid_from        DATE NOT NULL,
    valid_to          DATE,
    PRIMARY KEY (person_id, valid_from),
    CONSTRAINT person_history_period_ck CHECK (valid_to IS NULL OR valid_to > valid_from)
);
-- "Who reported to M on date D" (direct reports, peers); its prefix serves a whole client's lines.
-- Deliberately no index on (client_id, valid_to): the planner took it for the per-person statements
-- of the write paths (all of a client's current rows match it) before statistics were gathered.
CREATE INDEX person_history_manager_idx ON person_history (client_id, manager_person_id, valid_from);

-- Nobody knows since when the reporting lines of existing people hold, so the first known state is
-- taken to have held since always (1900-01-01, also the start of every new person's first row): an
-- observation dated before this migration then sees the chart as first recorded, rather than nobody.
INSERT INTO person_history (client_id, person_id, unit_id, manager_person_id, valid_from, valid_to)
SELECT client_id, id, unit_id, manager_id, DATE '1900-01-01', NULL FROM person;
