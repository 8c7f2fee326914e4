-- A user's named filters of the alerts list (their own setting, seen by no one else): the filter is kept as the
-- query string of /alerts, so applying one is following a link, read the same way as any request.
CREATE TABLE saved_alert_filter (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username   text        NOT NULL REFERENCES app_user (username),
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    query      text        NOT NULL CHECK (length(query) <= 1000),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (username, name)
);
