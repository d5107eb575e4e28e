-- The model learns: versions drafted and published in the app, re-assessments, experience at close.

-- Drafts of a new model version: TOML text in the shipped format, edited by project leaders.
CREATE SEQUENCE model_drafts_seq START 1;
CREATE TABLE model_drafts (
    draft_id INTEGER PRIMARY KEY DEFAULT nextval('model_drafts_seq'),
    name VARCHAR NOT NULL,                        -- working name shown in lists
    parent_version VARCHAR NOT NULL,              -- the published version it was drafted from
    definition VARCHAR NOT NULL,                  -- TOML (model/model_toml.py)
    status VARCHAR NOT NULL DEFAULT 'open',       -- open / published / deleted
    published_version VARCHAR,                   -- set when published
    row_version INTEGER NOT NULL DEFAULT 1,       -- optimistic concurrency, as for cases
    created_by INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Versions published in the app: insert-only (no code updates or deletes a row), so a published
-- version never changes; the checksum is verified whenever the text is read.
CREATE TABLE model_releases (
    version VARCHAR PRIMARY KEY,
    definition VARCHAR NOT NULL,
    checksum VARCHAR NOT NULL,
    parent_version VARCHAR NOT NULL,
    effective_from DATE NOT NULL,                 -- new cases use it from this day
    draft_id INTEGER NOT NULL,
    published_by INTEGER NOT NULL,
    published_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- The prompts (legal notices) a case was given, by key; NULL for cases saved before this column:
-- those get the notices of their version's own prompts, as when they were saved.
ALTER TABLE cases ADD COLUMN notices VARCHAR[];

-- Every assessment of a case: the first at creation, then each re-assessment in follow-up.
CREATE TABLE case_assessments (
    case_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,                         -- 1 = the triage that created the case
    assessed_month DATE NOT NULL,
    model_version VARCHAR NOT NULL,
    proposed_level INTEGER NOT NULL,
    chosen_level INTEGER NOT NULL,
    override_reason VARCHAR,
    facts VARCHAR NOT NULL,                       -- JSON of model.case.CaseFacts at that time
    created_by INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (case_id, seq)
);
INSERT INTO case_assessments (case_id, seq, assessed_month, model_version, proposed_level,
                              chosen_level, override_reason, facts, created_by, created_at)
SELECT case_id, 1, case_month, model_version, proposed_level, chosen_level, override_reason, facts,
       created_by, created_at
FROM cases;

-- A case's plan before a re-assessment changed it (the measures and takedown rows as they were, at
-- `changed_at`): a release counts a case re-planned after its cutoff with the plan it had then
-- (db/stats_raw.py), so released figures do not move when a case is re-assessed.
CREATE TABLE case_plan_snapshots (
    case_id INTEGER NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    measure_key VARCHAR NOT NULL,
    status VARCHAR NOT NULL
);
CREATE TABLE case_takedown_snapshots (
    case_id INTEGER NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    platform VARCHAR NOT NULL,
    outcome VARCHAR NOT NULL
);

-- The contact's experience when a case is closed (one row per closing; a reopened case closed again
-- gets a new one). Structured answers only, plus an optional screened note.
CREATE TABLE case_closings (
    case_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    closed_month DATE NOT NULL,
    model_version VARCHAR NOT NULL,
    chosen_level INTEGER NOT NULL,
    level_fit VARCHAR NOT NULL,                   -- model.closing.LEVEL_FIT
    situation VARCHAR NOT NULL,                   -- model.closing.SITUATION
    helped VARCHAR[] NOT NULL,                    -- keys of measures that helped
    open_musts INTEGER NOT NULL,                  -- "must" measures still planned at the close
    note VARCHAR,
    created_by INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (case_id, seq)
);
