package org.piste.screen;

import java.util.List;
import java.util.Objects;
import org.piste.model.Side;

/**
 * Both sides' rankings of one screening, with the rule set's version and the least score an alert needs on each side
 * (see {@link AlertCut}).
 */
public record ScreeningResult(String ruleSetVersion, List<EntityScore> senders, List<EntityScore> recipients,
        double senderAlertMinimum, double recipientAlertMinimum) {
    public ScreeningResult {
        Objects.requireNonNull(ruleSetVersion);
        senders = List.copyOf(senders);
        recipients = List.copyOf(recipients);
    }

    /** The alert cut of one side. */
    public AlertCut cut(Side side) {
        return side == Side.SENDER ? AlertCut.of(senders, senderAlertMinimum) : AlertCut.of(recipients, recipientAlertMinimum);
    }
}
