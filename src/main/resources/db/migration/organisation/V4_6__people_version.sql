-- A number per client that grows whenever a person's unit or manager changes (PersonHistory, the one
-- place every such change passes through, bumps it in the change's own transaction). Figures kept per
-- unit in memory (the HR feedback heatmap) compare it on every read instead of re-reading 100,000
-- people to find out whether anyone moved. A client without a row has version 0.
CREATE TABLE people_version (
    client_id UUID PRIMARY KEY REFERENCES client (id) ON DELETE CASCADE,
    version   BIGINT NOT NULL
);
