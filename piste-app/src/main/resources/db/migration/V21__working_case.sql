-- The case a user chose to work for ("work on this case"), kept across sign-ins. Restored at sign-in only while the
-- user may still see it (CaseService.resumeWork); a deleted case simply leaves none.
ALTER TABLE app_user ADD COLUMN working_case bigint REFERENCES case_file (id) ON DELETE SET NULL;
