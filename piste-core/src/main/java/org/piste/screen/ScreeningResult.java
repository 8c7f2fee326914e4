package org.piste.screen;

import java.util.List;
import java.util.Objects;

/** Ranked senders and recipients (highest score first), with the rule set version that produced them. */
public record ScreeningResult(String ruleSetVersion, List<EntityScore> senders, List<EntityScore> recipients) {
    public ScreeningResult {
        Objects.requireNonNull(ruleSetVersion);
        senders = List.copyOf(senders);
        recipients = List.copyOf(recipients);
    }
}
