-- Local contacts and national help lines printed on the handling plan a contact hands over.
-- An administrator maintains them; district_code NULL is a national line, shown in every district.
-- Organisations and their public numbers only: this is reference data, never about a case.
CREATE SEQUENCE help_contacts_seq START 1;

CREATE TABLE help_contacts (
    contact_id INTEGER PRIMARY KEY DEFAULT nextval('help_contacts_seq'),
    district_code VARCHAR REFERENCES districts (code),
    name VARCHAR NOT NULL,
    phone VARCHAR NOT NULL DEFAULT '',
    note VARCHAR NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    updated_by INTEGER
);
