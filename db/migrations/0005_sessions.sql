-- Sessions that really end: tokens issued (iat) before `sessions_valid_from` (epoch seconds) are
-- refused, so a logout kills copied cookies and other tabs. Exports carry a random id, kept with
-- their audit entry, so any copy of a file can be traced to who made it and when.
ALTER TABLE users ADD COLUMN sessions_valid_from BIGINT;
ALTER TABLE audit_log ADD COLUMN export_id VARCHAR;
