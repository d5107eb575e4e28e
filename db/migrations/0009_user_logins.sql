-- One row per login (the ID token's issue time), for the administrators' "last login". Kept apart
-- from `users`, so recording a login can never collide with a logout's update of the user row.
CREATE TABLE user_logins (
    user_id INTEGER NOT NULL,
    issued_at BIGINT NOT NULL, -- the token's iat, epoch seconds
    logged_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (user_id, issued_at)
);
