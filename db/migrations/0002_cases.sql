-- Anonymised cases: coarse facts only (month, age band, institution type), never names or dates.

CREATE SEQUENCE cases_seq START 1;

CREATE TABLE cases (
    case_id INTEGER PRIMARY KEY DEFAULT nextval('cases_seq'),
    case_code VARCHAR NOT NULL UNIQUE,            -- e.g. NSJ-2026-0007
    district_code VARCHAR NOT NULL REFERENCES districts (code),
    case_year INTEGER NOT NULL,
    case_number INTEGER NOT NULL,                 -- running number within district and year
    case_month DATE NOT NULL,                     -- always the first day of a month
    age_band VARCHAR NOT NULL,                    -- model.vocab.AGE_BANDS
    gender VARCHAR,                               -- model.vocab.GENDERS, optional
    institution_type VARCHAR NOT NULL,            -- model.vocab.INSTITUTION_TYPES
    platforms VARCHAR[] NOT NULL,                 -- model.vocab.PLATFORMS
    facts VARCHAR NOT NULL,                       -- JSON of model.case.CaseFacts
    model_version VARCHAR NOT NULL,
    proposed_level INTEGER NOT NULL,
    chosen_level INTEGER NOT NULL,
    override_reason VARCHAR,                      -- model.vocab.OVERRIDE_REASONS; set iff levels differ
    police_consulted BOOLEAN NOT NULL DEFAULT FALSE,
    police_report_filed BOOLEAN NOT NULL DEFAULT FALSE,
    status VARCHAR NOT NULL DEFAULT 'open',       -- model.vocab.CASE_STATUS
    closed_month DATE,
    note VARCHAR,                                 -- short screened free text, optional
    row_version INTEGER NOT NULL DEFAULT 1,       -- optimistic concurrency: bumped on every change
    submission_id VARCHAR NOT NULL UNIQUE,        -- idempotency key of the form that created it
    created_by INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    UNIQUE (district_code, case_year, case_number)
);

CREATE TABLE case_measures (
    case_id INTEGER NOT NULL,
    measure_key VARCHAR NOT NULL,                 -- key of a measure in the case's model version
    position INTEGER NOT NULL,                    -- order proposed by the triage engine
    strength VARCHAR NOT NULL,                    -- must / should_consider / may_consider
    status VARCHAR NOT NULL DEFAULT 'planned',    -- model.vocab.MEASURE_STATUS
    done_month DATE,
    PRIMARY KEY (case_id, measure_key)
);

CREATE TABLE case_takedowns (
    case_id INTEGER NOT NULL,
    platform VARCHAR NOT NULL,
    outcome VARCHAR NOT NULL DEFAULT 'not_requested',  -- model.vocab.TAKEDOWN_OUTCOMES
    PRIMARY KEY (case_id, platform)
);

CREATE INDEX cases_district_month ON cases (district_code, case_month);
