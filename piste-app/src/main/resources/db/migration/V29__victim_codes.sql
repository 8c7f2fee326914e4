-- Issue 18 review: the register's references are codes, not free text. The Java rule (Victim, Compensation) refuses
-- first with a worded message; these CHECKs are the backstop of the same rule. An identifier needs a digit (an
-- authority's code has a number, a name has none); the authority is an agency's name on one line; a decision's
-- reference is a court's reference. The character ranges are Latin letters with their accents, as in Victim.AUTHORITY.
ALTER TABLE victim
    ADD CONSTRAINT victim_pseudonym_digit CHECK (pseudonym ~ '[0-9]'),
    DROP CONSTRAINT victim_authority_check,
    ADD CONSTRAINT victim_authority_check
        CHECK (authority ~ '^[A-Za-z0-9À-ÖØ-öø-ÿ][A-Za-z0-9À-ÖØ-öø-ÿ ./()''-]{0,79}$');

ALTER TABLE compensation_award
    DROP CONSTRAINT compensation_award_decision_reference_check,
    ADD CONSTRAINT compensation_award_decision_reference_check
        CHECK (decision_reference ~ '^[A-Za-z0-9][A-Za-z0-9 ./_-]{0,59}$');
