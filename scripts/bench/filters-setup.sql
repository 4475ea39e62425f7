-- Data for the "Filters without catch-all SQL" benchmark (docs/benchmarks.md): the tables and
-- indexes that the people and engagement lists read, as the migrations create them (V1_1, V1_2,
-- V1_6, V2_1, V2_6; foreign keys and checks the two queries do not read are left out), with one
-- large client (100,000 people in 5,000 units, 300 engagements, 150,000 questions) beside 20 small
-- ones (1,000 people in 50 units, 10 engagements each).
CREATE TABLE client (id UUID PRIMARY KEY, name VARCHAR(200) NOT NULL);
CREATE TABLE unit (
    id UUID PRIMARY KEY, client_id UUID NOT NULL REFERENCES client (id), external_id VARCHAR(100) NOT NULL,
    name VARCHAR(200) NOT NULL, kind VARCHAR(100), parent_id UUID REFERENCES unit (id));
CREATE UNIQUE INDEX unit_external_uk ON unit (client_id, external_id);
CREATE INDEX unit_parent_idx ON unit (client_id, parent_id);
CREATE TABLE person (
    id UUID PRIMARY KEY, client_id UUID NOT NULL REFERENCES client (id), external_id VARCHAR(100) NOT NULL,
    first_name VARCHAR(100) NOT NULL, last_name VARCHAR(150) NOT NULL, email VARCHAR(254),
    job_title VARCHAR(200), unit_id UUID NOT NULL REFERENCES unit (id), manager_id UUID REFERENCES person (id));
CREATE UNIQUE INDEX person_external_uk ON person (client_id, external_id);
CREATE INDEX person_unit_idx ON person (client_id, unit_id);
CREATE INDEX person_manager_idx ON person (client_id, manager_id);
CREATE INDEX person_name_idx ON person (client_id, last_name, first_name, external_id);
CREATE TABLE engagement (
    id UUID PRIMARY KEY, client_id UUID NOT NULL REFERENCES client (id), title VARCHAR(200) NOT NULL,
    sponsor_person_id UUID REFERENCES person (id), starts_on DATE NOT NULL, ends_on DATE);
CREATE INDEX engagement_client_idx ON engagement (client_id, starts_on);
CREATE TABLE engagement_coach (
    engagement_id UUID NOT NULL REFERENCES engagement (id), user_id UUID NOT NULL, client_id UUID NOT NULL,
    PRIMARY KEY (engagement_id, user_id));
CREATE INDEX engagement_coach_user_idx ON engagement_coach (client_id, user_id);
CREATE TABLE question (
    id UUID PRIMARY KEY, client_id UUID NOT NULL REFERENCES client (id),
    engagement_id UUID NOT NULL REFERENCES engagement (id), text VARCHAR(2000) NOT NULL,
    owner_unit_id UUID, status VARCHAR(20) NOT NULL, asked_at TIMESTAMP WITH TIME ZONE NOT NULL);
CREATE INDEX question_inbox_idx ON question (client_id, engagement_id, status, asked_at);
CREATE INDEX question_owner_unit_idx ON question (client_id, owner_unit_id);
CREATE INDEX question_age_idx ON question (client_id, engagement_id, asked_at, id);

-- Client 0 is the large one; its id is fixed so that the timing script can name it.
INSERT INTO client
SELECT CASE WHEN c = 0 THEN '00000000-0000-0000-0000-000000000001'::uuid ELSE gen_random_uuid() END,
       'Client ' || c
FROM generate_series(0, 20) c;
CREATE TEMP TABLE size AS
SELECT id, CASE WHEN name = 'Client 0' THEN 5000 ELSE 50 END AS units,
       CASE WHEN name = 'Client 0' THEN 100000 ELSE 1000 END AS people,
       CASE WHEN name = 'Client 0' THEN 300 ELSE 10 END AS engagements
FROM client;
INSERT INTO unit (id, client_id, external_id, name, kind)
SELECT gen_random_uuid(), s.id, 'U' || n, 'Unit ' || n, 'team' FROM size s, generate_series(1, s.units) n;
INSERT INTO person (id, client_id, external_id, first_name, last_name, email, job_title, unit_id)
SELECT gen_random_uuid(), s.id, 'P' || n,
       (ARRAY['Anna','Bram','Cor','Dewi','Eva','Fatima','Gijs','Hanna','Ilse','Joost'])[1 + n % 10],
       (ARRAY['de Vries','Jansen','Bakker','Pinas','Anand','Visser','Smit','Meijer','de Boer','Mulder',
              'de Groot','Bos','Vos','Peters','Hendriks'])[1 + (n * 7) % 15] || ' ' || (n % 997),
       'p' || n || '@example.nl', 'medewerker', u.id
FROM size s CROSS JOIN LATERAL generate_series(1, s.people) n
JOIN unit u ON u.client_id = s.id AND u.external_id = 'U' || (1 + (n * 7919) % s.units);
INSERT INTO engagement (id, client_id, title, starts_on, ends_on)
SELECT gen_random_uuid(), s.id, 'Traject ' || n, DATE '2020-01-01' + (n * 7) % 2200, NULL
FROM size s, generate_series(1, s.engagements) n;
-- 30 coaches; each engagement has one to three of them.
INSERT INTO engagement_coach (engagement_id, user_id, client_id)
SELECT DISTINCT e.id, ('00000000-0000-0000-0001-' || lpad(((abs(hashtext(e.id::text || k)) % 30) + 1)::text, 12, '0'))::uuid,
       e.client_id
FROM engagement e, generate_series(1, 1 + abs(hashtext(e.id::text)) % 3) k;
INSERT INTO question (id, client_id, engagement_id, text, status, asked_at)
SELECT gen_random_uuid(), e.client_id, e.id, 'Vraag ' || n,
       (ARRAY['OPEN','TAKEN_UP','PARKED','ANSWERED','WITHDRAWN'])[1 + n % 5],
       TIMESTAMPTZ '2020-01-01' + n * INTERVAL '10 minutes'
FROM engagement e, generate_series(1, 500) n
WHERE e.client_id = '00000000-0000-0000-0000-000000000001';
VACUUM ANALYZE;
