-- An accepted row's text as read from the file, so the transfer page can show the source line beside the values
-- taken from it (rejected rows already keep theirs in row_rejection). Rows imported before this version have ''.
ALTER TABLE transfer ADD COLUMN raw_text text NOT NULL DEFAULT '';
