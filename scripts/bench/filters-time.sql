-- Timing of the people and engagement lists before and after "only the filters given become SQL"
-- (docs/benchmarks.md, "Filters without catch-all SQL"); run by filters.sh. Each statement is
-- prepared on the server, as the PostgreSQL JDBC driver does from a statement's fifth execution;
-- PostgreSQL plans its first five executions with the values (custom plans) and may then switch to
-- one generic plan for all later ones.
\set client '''00000000-0000-0000-0000-000000000001'''
SELECT id AS u1 FROM unit WHERE client_id = :client AND external_id = 'U101' \gset
SELECT id AS u2 FROM unit WHERE client_id = :client AND external_id = 'U202' \gset
SELECT id AS u3 FROM unit WHERE client_id = :client AND external_id = 'U303' \gset
SELECT id AS u4 FROM unit WHERE client_id = :client AND external_id = 'U404' \gset
SELECT id AS u5 FROM unit WHERE client_id = :client AND external_id = 'U505' \gset
\set c1 '''00000000-0000-0000-0001-000000000001'''
\set c2 '''00000000-0000-0000-0001-000000000002'''
\set c3 '''00000000-0000-0000-0001-000000000003'''
\set c4 '''00000000-0000-0000-0001-000000000004'''
\set c5 '''00000000-0000-0000-0001-000000000005'''

-- Before (main at c034f4a): one catch-all statement for every combination of filters.
PREPARE before_search(uuid, uuid, varchar, varchar, int, int) AS
SELECT p.id, p.external_id, p.first_name, p.last_name, p.email, p.job_title,
       p.unit_id, u.name AS unit_name, p.manager_id,
       CASE WHEN m.id IS NULL THEN NULL ELSE m.first_name || ' ' || m.last_name END AS manager_name
FROM person p JOIN unit u ON u.id = p.unit_id LEFT JOIN person m ON m.id = p.manager_id
WHERE p.client_id = $1
  AND (CAST($2 AS UUID) IS NULL OR p.unit_id = $2)
  AND (CAST($3 AS VARCHAR(200)) IS NULL
       OR lower(p.first_name || ' ' || p.last_name) LIKE $3
       OR lower(p.email) LIKE $3 OR lower(p.job_title) LIKE $3 OR lower(p.external_id) = $4)
ORDER BY p.last_name, p.first_name, p.external_id OFFSET $5 ROWS FETCH FIRST $6 ROWS ONLY;
PREPARE before_count(uuid, uuid, varchar, varchar) AS
SELECT count(*) FROM person p
WHERE p.client_id = $1
  AND (CAST($2 AS UUID) IS NULL OR p.unit_id = $2)
  AND (CAST($3 AS VARCHAR(200)) IS NULL
       OR lower(p.first_name || ' ' || p.last_name) LIKE $3
       OR lower(p.email) LIKE $3 OR lower(p.job_title) LIKE $3 OR lower(p.external_id) = $4);
PREPARE before_engagements(uuid, uuid) AS
SELECT e.id, e.title, e.starts_on, e.ends_on, p.first_name || ' ' || p.last_name AS sponsor_name,
       (SELECT count(*) FROM question q WHERE q.client_id = e.client_id
          AND q.engagement_id = e.id AND q.status = 'OPEN') AS open_questions
FROM engagement e LEFT JOIN person p ON p.id = e.sponsor_person_id AND p.client_id = e.client_id
WHERE e.client_id = $1
  AND (CAST($2 AS UUID) IS NULL OR EXISTS (SELECT 1 FROM engagement_coach c
       WHERE c.client_id = e.client_id AND c.engagement_id = e.id AND c.user_id = CAST($2 AS UUID)))
ORDER BY e.starts_on DESC, e.title;

-- After: the statements FilteredSql writes, one per combination of filters given.
PREPARE after_search_all(uuid, int, int) AS
SELECT p.id, p.external_id, p.first_name, p.last_name, p.email, p.job_title,
       p.unit_id, u.name AS unit_name, p.manager_id,
       CASE WHEN m.id IS NULL THEN NULL ELSE m.first_name || ' ' || m.last_name END AS manager_name
FROM person p JOIN unit u ON u.id = p.unit_id LEFT JOIN person m ON m.id = p.manager_id
WHERE (p.client_id = $1)
ORDER BY p.last_name, p.first_name, p.external_id OFFSET $2 ROWS FETCH FIRST $3 ROWS ONLY;
PREPARE after_search_unit(uuid, uuid, int, int) AS
SELECT p.id, p.external_id, p.first_name, p.last_name, p.email, p.job_title,
       p.unit_id, u.name AS unit_name, p.manager_id,
       CASE WHEN m.id IS NULL THEN NULL ELSE m.first_name || ' ' || m.last_name END AS manager_name
FROM person p JOIN unit u ON u.id = p.unit_id LEFT JOIN person m ON m.id = p.manager_id
WHERE (p.client_id = $1) AND (p.unit_id = $2)
ORDER BY p.last_name, p.first_name, p.external_id OFFSET $3 ROWS FETCH FIRST $4 ROWS ONLY;
PREPARE after_search_text(uuid, varchar, varchar, int, int) AS
SELECT p.id, p.external_id, p.first_name, p.last_name, p.email, p.job_title,
       p.unit_id, u.name AS unit_name, p.manager_id,
       CASE WHEN m.id IS NULL THEN NULL ELSE m.first_name || ' ' || m.last_name END AS manager_name
FROM person p JOIN unit u ON u.id = p.unit_id LEFT JOIN person m ON m.id = p.manager_id
WHERE (p.client_id = $1)
  AND (lower(p.first_name || ' ' || p.last_name) LIKE $2
       OR lower(p.email) LIKE $2 OR lower(p.job_title) LIKE $2 OR lower(p.external_id) = $3)
ORDER BY p.last_name, p.first_name, p.external_id OFFSET $4 ROWS FETCH FIRST $5 ROWS ONLY;
PREPARE after_count_text(uuid, varchar, varchar) AS
SELECT count(*) FROM person p
WHERE (p.client_id = $1)
  AND (lower(p.first_name || ' ' || p.last_name) LIKE $2
       OR lower(p.email) LIKE $2 OR lower(p.job_title) LIKE $2 OR lower(p.external_id) = $3);
PREPARE after_count_all(uuid) AS SELECT count(*) FROM person p WHERE (p.client_id = $1);
PREPARE after_count_unit(uuid, uuid) AS
SELECT count(*) FROM person p WHERE (p.client_id = $1) AND (p.unit_id = $2);
PREPARE after_engagements_all(uuid) AS
SELECT e.id, e.title, e.starts_on, e.ends_on, p.first_name || ' ' || p.last_name AS sponsor_name,
       (SELECT count(*) FROM question q WHERE q.client_id = e.client_id
          AND q.engagement_id = e.id AND q.status = 'OPEN') AS open_questions
FROM engagement e LEFT JOIN person p ON p.id = e.sponsor_person_id AND p.client_id = e.client_id
WHERE e.client_id = $1
ORDER BY e.starts_on DESC, e.title;
PREPARE after_engagements_coach(uuid, uuid) AS
SELECT e.id, e.title, e.starts_on, e.ends_on, p.first_name || ' ' || p.last_name AS sponsor_name,
       (SELECT count(*) FROM question q WHERE q.client_id = e.client_id
          AND q.engagement_id = e.id AND q.status = 'OPEN') AS open_questions
FROM engagement e LEFT JOIN person p ON p.id = e.sponsor_person_id AND p.client_id = e.client_id
WHERE e.client_id = $1
  AND (EXISTS (SELECT 1 FROM engagement_coach c
               WHERE c.client_id = e.client_id AND c.engagement_id = e.id AND c.user_id = $2))
ORDER BY e.starts_on DESC, e.title;

\o /dev/null
\timing on
-- People page (a count and the first page of 25): five times searched by name, then five times
-- for one unit (five different units), then five times without a filter.
\echo @@ people|before|1. by name
EXECUTE before_count(:client, NULL, '%jansen%', 'jansen'); EXECUTE before_search(:client, NULL, '%jansen%', 'jansen', 0, 25);
EXECUTE before_count(:client, NULL, '%anna%', 'anna'); EXECUTE before_search(:client, NULL, '%anna%', 'anna', 0, 25);
EXECUTE before_count(:client, NULL, '%bakker%', 'bakker'); EXECUTE before_search(:client, NULL, '%bakker%', 'bakker', 0, 25);
EXECUTE before_count(:client, NULL, '%eva%', 'eva'); EXECUTE before_search(:client, NULL, '%eva%', 'eva', 0, 25);
EXECUTE before_count(:client, NULL, '%smit%', 'smit'); EXECUTE before_search(:client, NULL, '%smit%', 'smit', 0, 25);
\echo @@ people|before|2. by unit
EXECUTE before_count(:client, :'u1', NULL, NULL); EXECUTE before_search(:client, :'u1', NULL, NULL, 0, 25);
EXECUTE before_count(:client, :'u2', NULL, NULL); EXECUTE before_search(:client, :'u2', NULL, NULL, 0, 25);
EXECUTE before_count(:client, :'u3', NULL, NULL); EXECUTE before_search(:client, :'u3', NULL, NULL, 0, 25);
EXECUTE before_count(:client, :'u4', NULL, NULL); EXECUTE before_search(:client, :'u4', NULL, NULL, 0, 25);
EXECUTE before_count(:client, :'u5', NULL, NULL); EXECUTE before_search(:client, :'u5', NULL, NULL, 0, 25);
\echo @@ people|before|3. no filter
EXECUTE before_count(:client, NULL, NULL, NULL); EXECUTE before_search(:client, NULL, NULL, NULL, 0, 25);
EXECUTE before_count(:client, NULL, NULL, NULL); EXECUTE before_search(:client, NULL, NULL, NULL, 25, 25);
EXECUTE before_count(:client, NULL, NULL, NULL); EXECUTE before_search(:client, NULL, NULL, NULL, 50, 25);
EXECUTE before_count(:client, NULL, NULL, NULL); EXECUTE before_search(:client, NULL, NULL, NULL, 75, 25);
EXECUTE before_count(:client, NULL, NULL, NULL); EXECUTE before_search(:client, NULL, NULL, NULL, 100, 25);
\echo @@ people|after|1. by name
EXECUTE after_count_text(:client, '%jansen%', 'jansen'); EXECUTE after_search_text(:client, '%jansen%', 'jansen', 0, 25);
EXECUTE after_count_text(:client, '%anna%', 'anna'); EXECUTE after_search_text(:client, '%anna%', 'anna', 0, 25);
EXECUTE after_count_text(:client, '%bakker%', 'bakker'); EXECUTE after_search_text(:client, '%bakker%', 'bakker', 0, 25);
EXECUTE after_count_text(:client, '%eva%', 'eva'); EXECUTE after_search_text(:client, '%eva%', 'eva', 0, 25);
EXECUTE after_count_text(:client, '%smit%', 'smit'); EXECUTE after_search_text(:client, '%smit%', 'smit', 0, 25);
\echo @@ people|after|2. by unit
EXECUTE after_count_unit(:client, :'u1'); EXECUTE after_search_unit(:client, :'u1', 0, 25);
EXECUTE after_count_unit(:client, :'u2'); EXECUTE after_search_unit(:client, :'u2', 0, 25);
EXECUTE after_count_unit(:client, :'u3'); EXECUTE after_search_unit(:client, :'u3', 0, 25);
EXECUTE after_count_unit(:client, :'u4'); EXECUTE after_search_unit(:client, :'u4', 0, 25);
EXECUTE after_count_unit(:client, :'u5'); EXECUTE after_search_unit(:client, :'u5', 0, 25);
\echo @@ people|after|3. no filter
EXECUTE after_count_all(:client); EXECUTE after_search_all(:client, 0, 25);
EXECUTE after_count_all(:client); EXECUTE after_search_all(:client, 25, 25);
EXECUTE after_count_all(:client); EXECUTE after_search_all(:client, 50, 25);
EXECUTE after_count_all(:client); EXECUTE after_search_all(:client, 75, 25);
EXECUTE after_count_all(:client); EXECUTE after_search_all(:client, 100, 25);
-- Engagement list: five times for an admin (no coach), then five times for a coach.
\echo @@ engagements|before|1. all (admin)
EXECUTE before_engagements(:client, NULL); EXECUTE before_engagements(:client, NULL);
EXECUTE before_engagements(:client, NULL); EXECUTE before_engagements(:client, NULL);
EXECUTE before_engagements(:client, NULL);
\echo @@ engagements|before|2. one coach
EXECUTE before_engagements(:client, :c1); EXECUTE before_engagements(:client, :c2);
EXECUTE before_engagements(:client, :c3); EXECUTE before_engagements(:client, :c4);
EXECUTE before_engagements(:client, :c5);
\echo @@ engagements|after|1. all (admin)
EXECUTE after_engagements_all(:client); EXECUTE after_engagements_all(:client);
EXECUTE after_engagements_all(:client); EXECUTE after_engagements_all(:client);
EXECUTE after_engagements_all(:client);
\echo @@ engagements|after|2. one coach
EXECUTE after_engagements_coach(:client, :c1); EXECUTE after_engagements_coach(:client, :c2);
EXECUTE after_engagements_coach(:client, :c3); EXECUTE after_engagements_coach(:client, :c4);
EXECUTE after_engagements_coach(:client, :c5);
\timing off
\o
\echo @@ plans
\echo '--- before: people page for one unit (count, page), 16th execution'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE before_count(:client, :'u1', NULL, NULL);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE before_search(:client, :'u1', NULL, NULL, 0, 25);
\echo '--- after: people page for one unit (count, page), 6th execution of each statement'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE after_count_unit(:client, :'u1');
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE after_search_unit(:client, :'u1', 0, 25);
\echo '--- before: engagements of a coach, 11th execution'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE before_engagements(:client, :c1);
\echo '--- after: engagements of a coach, 6th execution'
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE after_engagements_coach(:client, :c1);
\echo '--- worst case (plan_cache_mode = force_generic_plan): people of one unit, before and after'
SET plan_cache_mode = force_generic_plan;
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE before_count(:client, :'u2', NULL, NULL);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE before_search(:client, :'u2', NULL, NULL, 0, 25);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE after_count_unit(:client, :'u2');
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE after_search_unit(:client, :'u2', 0, 25);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE before_engagements(:client, :c2);
EXPLAIN (ANALYZE, COSTS OFF) EXECUTE after_engagements_coach(:client, :c2);
