-- Courses on the handling model, their participants (personal data), registrations and attendance.
-- No foreign keys to courses, participants or registrations: their rows get updated, and DuckDB
-- cannot UPDATE a row that another table references.

CREATE SEQUENCE courses_seq START 1;

CREATE TABLE courses (
    course_id INTEGER PRIMARY KEY DEFAULT nextval('courses_seq'),
    district_code VARCHAR NOT NULL REFERENCES districts (code),
    starts_at TIMESTAMP NOT NULL,                 -- local date and time of the course start
    place VARCHAR NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity > 0),
    trainers VARCHAR NOT NULL,                    -- one or more names, as the organiser writes them
    model_version VARCHAR NOT NULL,               -- the version of the handling model taught
    status VARCHAR NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
    row_version INTEGER NOT NULL DEFAULT 1,       -- optimistic concurrency: bumped on every change
    submission_id VARCHAR NOT NULL UNIQUE,        -- idempotency key of the form that created it
    created_by INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    anonymised_at TIMESTAMP                       -- set when the retention job cleared its participants
);

CREATE INDEX courses_district_start ON courses (district_code, starts_at);

CREATE SEQUENCE participants_seq START 1;

-- One person on one course. Personal data (name, e-mail, organisation, municipality) is cleared by
-- anonymisation; the resource-person role stays so that coverage counts by role and district survive.
CREATE TABLE participants (
    participant_id INTEGER PRIMARY KEY DEFAULT nextval('participants_seq'),
    course_id INTEGER NOT NULL,                   -- courses.course_id (no FK, see above)
    name VARCHAR,                                 -- NULL once anonymised
    email VARCHAR,                                -- normalised; NULL once anonymised
    organisation VARCHAR,
    municipality VARCHAR,
    resource_role VARCHAR NOT NULL,               -- model.course_vocab.RESOURCE_ROLES
    anonymised_at TIMESTAMP,                      -- the anonymisation marker of this person
    created_by INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    UNIQUE (course_id, email)                     -- the same e-mail once per course (NULLs allowed)
);

-- The state of a participant's place on the course, and whether they attended.
CREATE TABLE registrations (
    participant_id INTEGER PRIMARY KEY,           -- participants.participant_id (no FK, see above)
    course_id INTEGER NOT NULL,
    status VARCHAR NOT NULL CHECK (status IN ('registered', 'waiting', 'cancelled')),
    waiting_position INTEGER,                     -- 1, 2, ... while waiting; NULL otherwise
    attended BOOLEAN,                             -- NULL until attendance is marked
    attendance_marked_at TIMESTAMP,
    attendance_marked_by INTEGER,
    registered_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    CHECK ((status = 'waiting') = (waiting_position IS NOT NULL))
);

CREATE INDEX registrations_course ON registrations (course_id, status);
