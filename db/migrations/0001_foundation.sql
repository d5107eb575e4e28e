-- Districts (tenants), users, memberships and the append-only audit log.

CREATE TABLE districts (
    code VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL UNIQUE,
    sort_order INTEGER NOT NULL,
    in_mainland BOOLEAN NOT NULL
);

INSERT INTO districts VALUES
    ('NJY', 'Nordjyllands Politi', 1, TRUE),
    ('OJY', 'Østjyllands Politi', 2, TRUE),
    ('MVJ', 'Midt- og Vestjyllands Politi', 3, TRUE),
    ('SOJ', 'Sydøstjyllands Politi', 4, TRUE),
    ('SSJ', 'Syd- og Sønderjyllands Politi', 5, TRUE),
    ('FYN', 'Fyns Politi', 6, TRUE),
    ('SSL', 'Sydsjællands og Lolland-Falsters Politi', 7, TRUE),
    ('MVS', 'Midt- og Vestsjællands Politi', 8, TRUE),
    ('NSJ', 'Nordsjællands Politi', 9, TRUE),
    ('KVE', 'Københavns Vestegns Politi', 10, TRUE),
    ('KBH', 'Københavns Politi', 11, TRUE),
    ('BOR', 'Bornholms Politi', 12, TRUE),
    ('GRL', 'Grønlands Politi', 13, FALSE),
    ('FAR', 'Færøernes Politi', 14, FALSE);

CREATE SEQUENCE users_seq START 1;

-- A user is known by (issuer, sub) once they have logged in; before that, an invitation by e-mail.
CREATE TABLE users (
    user_id INTEGER PRIMARY KEY DEFAULT nextval('users_seq'),
    email VARCHAR NOT NULL UNIQUE,
    issuer VARCHAR,
    subject VARCHAR,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    last_login_at TIMESTAMP,
    UNIQUE (issuer, subject)
);

CREATE SEQUENCE memberships_seq START 1;

CREATE TABLE memberships (
    membership_id INTEGER PRIMARY KEY DEFAULT nextval('memberships_seq'),
    user_id INTEGER NOT NULL, -- users.user_id; no FK: DuckDB forbids updating a referenced row
    role VARCHAR NOT NULL CHECK (role IN ('district_contact', 'project_leader', 'course_organiser', 'admin')),
    district_code VARCHAR REFERENCES districts (code),
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    created_by INTEGER,
    UNIQUE (user_id, role, district_code)
);

CREATE SEQUENCE audit_seq START 1;

-- Append-only: the code base has no UPDATE or DELETE of this table.
CREATE TABLE audit_log (
    audit_id BIGINT PRIMARY KEY DEFAULT nextval('audit_seq'),
    logged_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    actor_user_id INTEGER,
    actor_email VARCHAR NOT NULL,
    action VARCHAR NOT NULL,
    district_code VARCHAR,
    object_type VARCHAR,
    object_id VARCHAR,
    details VARCHAR
);

-- Facts about this database itself, e.g. ('demo', 'true') when it holds generated demo data.
CREATE TABLE app_meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
