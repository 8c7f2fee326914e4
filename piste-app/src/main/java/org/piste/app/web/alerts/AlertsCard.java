package org.piste.app.web.alerts;

import java.util.List;
import java.util.Optional;
import org.piste.app.alerts.Alerts;
import org.piste.app.web.DashboardCard;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Open alerts per side and the screening run they come from (counts only), for those who may open /alerts. */
@Component
public record AlertsCard(Alerts alerts) implements DashboardCard {
    @Override
    public Optional<Card> card(Authentication user) {
        if (!DashboardCard.reaches(user, "/alerts")) return Optional.empty();
        return Optional.of(alerts.open().map(o -> new Card(20, "alerts.card.title", o.senders() + o.recipients(),
                "/alerts?status=open", List.of(Line.of("alerts.card.sides", o.senders(), o.recipients()),
                        Line.of("alerts.card.run", o.run().id(), o.run().finishedAt().toLocalDate(), o.run().ruleSetVersion()))))
                .orElse(new Card(20, "alerts.card.title", 0, "/alerts", List.of(Line.of("alerts.none")))));
    }
}
