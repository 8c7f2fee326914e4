-- The financial-analysis report (issue 18): a frozen snapshot of a case as canonical JSON with its SHA-256, so the
-- same snapshot always renders the same PDF; and every PDF issued from it, whose SHA-256 `piste report verify`
-- looks up (a PDF cannot print its own hash, so the file's hash lives here and in the audit trail).
CREATE TABLE report_snapshot (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id        bigint      NOT NULL REFERENCES case_file (id),
    subject_record text,
    as_of          timestamptz NOT NULL,
    made_by        text        NOT NULL,
    made_at        timestamptz NOT NULL DEFAULT now(),
    content        bytea       NOT NULL,
    content_sha256 char(64)    NOT NULL,
    resolution_run bigint,
    screening_run  bigint
);
CREATE INDEX report_snapshot_content ON report_snapshot (case_id, content_sha256);

CREATE TABLE report_issue (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    snapshot_id bigint      NOT NULL REFERENCES report_snapshot (id),
    pdf_sha256  char(64)    NOT NULL,
    pages       integer     NOT NULL,
    locale      text        NOT NULL,
    made_by     text        NOT NULL,
    made_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_issue_pdf ON report_issue (pdf_sha256);
