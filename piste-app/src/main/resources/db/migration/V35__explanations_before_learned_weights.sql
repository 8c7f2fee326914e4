-- A run's explanations are stored before its learned weights, which readers apply from the run's model
-- (sender_model, recipient_model: LearnedWeights.weighed). Once rulings train the weights, every ruling moves every
-- multiplier: stored weighed, every entity's explanation was new at each decision (139 MB and 6.9 s of a 1M-transfer
-- confirmation's 11-13 s). Stored before the weights, a decision changes only the explanations of the entity ruled on
-- and of those its seed reaches through the network.
-- Runs stored before keep their weighed explanations: false for them (the default), read as stored.
-- entity_score.contributions is therefore the explanation before the weights when the run's flag is true: its points
-- do not sum to the score of a run with learned weights. Read them through Alerts.contributions.
ALTER TABLE screening_run ADD COLUMN weights_applied_when_read boolean NOT NULL DEFAULT false;
