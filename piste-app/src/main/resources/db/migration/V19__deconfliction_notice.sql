-- A subject added to one case (from_case) matched a subject of another (case_id): that case's lead is told, and the
-- notice stays when the subject is removed, so a team cannot learn another lead's contact by adding and removing
-- subjects without being named in return. The contact shown is from_case's lead, read when shown. One notice per
-- subject of case_id matched from from_case: adding the same subject again does not repeat it.
CREATE TABLE deconfliction_notice (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id   bigint      NOT NULL REFERENCES case_file (id),
    from_case bigint      NOT NULL REFERENCES case_file (id),
    subject   text        NOT NULL,
    at        timestamptz NOT NULL DEFAULT now(),
    UNIQUE (case_id, from_case, subject)
);
CREATE INDEX deconfliction_notice_case ON deconfliction_notice (case_id, id);
