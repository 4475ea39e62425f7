-- The people directory pages through a client's people by name; without this index every page of a
-- 100,000-person client sorts all of them.
CREATE INDEX person_name_idx ON person (client_id, last_name, first_name, external_id);
