package org.piste.app.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The signed-in user's dashboard cards, in order and in the user's language, for the page and the API alike. */
@Component
public class DashboardCards {
    private final List<DashboardCard> cards;
    private final MessageSource messages;

    public DashboardCards(List<DashboardCard> cards, MessageSource messages) {
        this.cards = cards;
        this.messages = messages;
    }

    /** A card as shown: {@code key} is the title's message key, which pages and clients may rely on. */
    public record CardView(String key, String title, String value, String link, List<String> lines) {}

    public List<CardView> of(Authentication user) {
        Locale locale = LocaleContextHolder.getLocale();
        return cards.stream().map(c -> c.card(user)).flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(DashboardCard.Card::order))
                .map(c -> new CardView(c.titleKey(), messages.getMessage(c.titleKey(), null, c.titleKey(), locale),
                        String.format(locale, "%,d", c.count()), c.link(), c.lines().stream()
                                .map(l -> messages.getMessage(l.key(), l.args().toArray(), l.key(), locale)).toList()))
                .toList();
    }
}
