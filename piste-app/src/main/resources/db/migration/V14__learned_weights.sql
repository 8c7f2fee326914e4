-- Each run keeps, per side, the indicator weights learned from analysts' rulings (or "prior": the rule set's own),
-- the labels they were learned from, the model's notes and how the ranking moved (JSON; see LearnedWeights).
ALTER TABLE screening_run
    ADD COLUMN sender_model    jsonb NOT NULL DEFAULT '{"version": "prior"}',
    ADD COLUMN recipient_model jsonb NOT NULL DEFAULT '{"version": "prior"}';
