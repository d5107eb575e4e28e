-- Earlier values of the follow-up fields the statistics count, each with the moment it stopped being
-- true. A release counts a case as it was at the release's cutoff (model/release.py): the value from
-- the first history row changed at or after the cutoff, else the current one. Written by
-- db/case_updates.py in the same transaction as the change.

CREATE TABLE case_history (
    case_id INTEGER NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    police_consulted BOOLEAN NOT NULL,
    police_report_filed BOOLEAN NOT NULL,
    status VARCHAR NOT NULL
);

CREATE TABLE case_measure_history (
    case_id INTEGER NOT NULL,
    measure_key VARCHAR NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    status VARCHAR NOT NULL
);

CREATE TABLE case_takedown_history (
    case_id INTEGER NOT NULL,
    platform VARCHAR NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    outcome VARCHAR NOT NULL
);
