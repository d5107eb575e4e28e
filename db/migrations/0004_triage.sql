-- Triage additions: the model versions in use (immutable once used) and measure due months.

-- The checksum of a model definition the first time a case used it; a later, different file for the
-- same version is refused by db/cases.py, so cases keep the wording they were triaged with.
CREATE TABLE model_versions (
    version VARCHAR PRIMARY KEY,
    checksum VARCHAR NOT NULL,
    first_used_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- The month by which a planned "must" measure is overdue (NULL: no due time); from the model's data.
ALTER TABLE case_measures ADD COLUMN due_month DATE;
